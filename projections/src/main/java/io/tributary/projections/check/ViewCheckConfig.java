package io.tributary.projections.check;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.view.ActiveVersions;
import io.tributary.projections.view.VersionedView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The view check and the rebuilds read the event store directly (read-only; one connection per running rebuild or
 * check), so they exist only where {@code spring.datasource.url} names the event store. The live projections never
 * need it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("spring.datasource.url")
@EnableConfigurationProperties(DataSourceProperties.class)
class ViewCheckConfig {

    @Bean(destroyMethod = "close")
    HikariDataSource eventStoreDataSource(DataSourceProperties properties) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(properties.getUrl());
        config.setUsername(properties.determineUsername());
        config.setPassword(properties.determinePassword());
        config.setPoolName("event-store-reader");
        config.setMaximumPoolSize(8);
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }

    @Bean
    EventStoreReader eventStoreReader(HikariDataSource eventStoreDataSource, ObjectMapper json, EnvelopeParser parser) {
        return new EventStoreReader(eventStoreDataSource, json, parser);
    }

    @Bean
    ViewCheck viewCheck(EventStoreReader eventStoreReader, List<VersionedView> views, MongoDatabase viewDatabase,
                        ElasticsearchClient elasticsearch) {
        return new ViewCheck(eventStoreReader, views, viewDatabase, elasticsearch);
    }

    @Bean
    ViewCheckEndpoint viewCheckEndpoint(ViewCheck check, ActiveVersions versions) {
        return new ViewCheckEndpoint(check, versions);
    }
}
