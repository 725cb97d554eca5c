package io.tributary.command.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;

/**
 * Axon's embedded event store as Axon's auto-configuration builds it, but keeping the last {@value #CACHED_EVENTS}
 * events in memory for the streaming processors (the relay and the order saga) rather than 10,000.
 *
 * <p>Each cached event holds its serialized payload and its tracking token in a heap of 192 MB, so the cache is kept
 * small. The processors read from it while they are within this many events of the head, as they are when they keep
 * up; further behind, they read the store.
 *
 * <p>Axon's auto-configuration of the JPA storage engine steps back once an event store is defined, so the engine is
 * defined here too, as that auto-configuration defines it, with the entities it registers.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
class EventStoreConfig {

    static final int CACHED_EVENTS = 1_000;

    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer, PersistenceExceptionResolver exceptions,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          Configuration configuration, EntityManagerProvider entityManagers,
                                          TransactionManager transactions) {
        return JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(exceptions)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagers)
                .transactionManager(transactions)
                .build();
    }

    @Bean
    EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .cachedEvents(CACHED_EVENTS)
                .build();
    }
}
