package io.tributary.projections.check;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.view.MongoViewDefinition;
import io.tributary.projections.view.SearchIndexInitializer;
import io.tributary.projections.view.SearchViewDefinition;
import io.tributary.projections.view.ViewRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The view check reads the event store directly (read-only, two connections at most), so it exists only where
 * {@code spring.datasource.url} names the event store. The projections themselves never need it.
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
        config.setMaximumPoolSize(2);
        config.setMinimumIdle(0);
        config.setReadOnly(true);
        return new HikariDataSource(config);
    }

    @Bean
    ViewCheck viewCheck(HikariDataSource eventStoreDataSource, ObjectMapper json, EnvelopeParser parser,
                        List<MongoViewDefinition> mongoViews, List<SearchViewDefinition> searchViews,
                        MongoDatabase viewDatabase, ViewRegistry registry, ElasticsearchClient elasticsearch,
                        SearchIndexInitializer indices) {
        return new ViewCheck(new EventStoreReader(eventStoreDataSource, json, parser), mongoViews, searchViews, viewDatabase,
                registry, elasticsearch, indices);
    }

    @Bean
    ViewCheckEndpoint viewCheckEndpoint(ViewCheck check) {
        return new ViewCheckEndpoint(check);
    }
}
