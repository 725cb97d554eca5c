package io.tributary.command.eventstore;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.UnitOfWorkAwareConnectionProviderWrapper;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.axonframework.modelling.saga.repository.jdbc.PostgresSagaSqlSchema;
import org.axonframework.modelling.saga.repository.jdbc.SagaSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The event processors' tracking tokens and the order sagas are kept over plain JDBC, in the tables of the V1 and V3
 * migrations (named as Axon's JPA stores name them, which the command API used before). At 200 commands/s, half of
 * them orders, token updates and saga lookups through the JPA stores were an eighth of the command API's CPU
 * samples, most of it in Hibernate (a managed entity, a locking find and a flush per token update; association
 * entities per saga) around the same few statements the JDBC stores send directly.
 * <p>
 * Every store, the event store's too, takes its connection from Spring's transaction, so a processor's token is
 * stored in the same transaction as the saga changes of its batch, and a command's events with its idempotency
 * record and claims.
 */
@Configuration(proxyBeanMethods = false)
class ProcessingStoresConfig {

    @Bean
    ConnectionProvider axonConnectionProvider(DataSource dataSource) {
        return new UnitOfWorkAwareConnectionProviderWrapper(new SpringDataSourceConnectionProvider(dataSource));
    }

    @Bean
    TokenStore tokenStore(ConnectionProvider connections, Serializer serializer, TokenStoreProperties properties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .claimTimeout(properties.getClaimTimeout())
                .contentType(byte[].class)
                .schema(TokenSchema.builder()
                        .setTokenTable("token_entry")
                        .setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment")
                        .setTokenColumn("token")
                        .setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp")
                        .setOwnerColumn("owner")
                        .build())
                .build();
    }

    @Bean
    SagaStore<Object> sagaStore(ConnectionProvider connections, Serializer serializer) {
        return JdbcSagaStore.builder()
                .connectionProvider(connections)
                .serializer(serializer)
                .sqlSchema(new PostgresSagaSqlSchema(SagaSchema.builder()
                        .sagaEntryTable("saga_entry")
                        .sagaIdColumn("saga_id")
                        .sagaTypeColumn("saga_type")
                        .revisionColumn("revision")
                        .serializedSagaColumn("serialized_saga")
                        .associationValueEntryTable("association_value_entry")
                        .associationKeyColumn("association_key")
                        .associationValueColumn("association_value")
                        .build()))
                .build();
    }
}
