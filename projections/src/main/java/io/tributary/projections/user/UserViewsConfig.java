package io.tributary.projections.user;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.projections.view.MongoView;
import io.tributary.projections.view.MongoViewDefinition;
import io.tributary.projections.view.SearchIndexInitializer;
import io.tributary.projections.view.SearchView;
import io.tributary.projections.view.SearchViewDefinition;
import io.tributary.projections.view.ViewRegistry;
import io.tributary.projections.view.ViewVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The view versions the live user projections write. A rebuild into a new version (new fields, new mapping)
 * bumps the version here and gets its own index definition.
 */
@Configuration(proxyBeanMethods = false)
class UserViewsConfig {

    static final ViewVersion USERS = new ViewVersion("users", 1);
    static final String USERS_INDEX_DEFINITION = "search/users_v1.json";

    @Bean
    MongoView usersMongoView(MongoDatabase viewDatabase, ViewRegistry registry) {
        return new MongoView(USERS, viewDatabase, registry);
    }

    @Bean
    SearchView usersSearchView(ElasticsearchClient client, SearchIndexInitializer initializer) {
        return new SearchView(USERS, USERS_INDEX_DEFINITION, client, initializer);
    }

    @Bean
    UsersMongoProjection usersMongoProjection(MongoView usersMongoView) {
        return new UsersMongoProjection(usersMongoView);
    }

    @Bean
    UsersSearchProjection usersSearchProjection(SearchView usersSearchView) {
        return new UsersSearchProjection(usersSearchView);
    }

    @Bean
    MongoViewDefinition usersMongoDefinition() {
        return new MongoViewDefinition(USERS, UsersMongoProjection::new);
    }

    @Bean
    SearchViewDefinition usersSearchDefinition() {
        return new SearchViewDefinition(USERS, USERS_INDEX_DEFINITION, "userId", UsersSearchProjection::new);
    }
}
