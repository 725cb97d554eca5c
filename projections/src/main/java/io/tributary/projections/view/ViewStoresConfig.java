package io.tributary.projections.view;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

@Configuration(proxyBeanMethods = false)
class ViewStoresConfig {

    /** The database named in {@code spring.data.mongodb.uri}. */
    @Bean
    MongoDatabase viewDatabase(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    ViewRegistry viewRegistry(MongoDatabase viewDatabase) {
        return new ViewRegistry(viewDatabase);
    }

    @Bean
    SearchIndexInitializer searchIndexInitializer(ElasticsearchClient client) {
        return new SearchIndexInitializer(client);
    }
}
