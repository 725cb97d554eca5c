package io.tributary.projections.user;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import io.tributary.projections.view.MongoVersionedView;
import io.tributary.projections.view.MongoViewDefinition;
import io.tributary.projections.view.SearchIndexInitializer;
import io.tributary.projections.view.SearchVersionedView;
import io.tributary.projections.view.SearchViewDefinition;
import io.tributary.projections.view.ViewRegistry;
import io.tributary.projections.view.ViewVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The user views: how each is made (every version alike); each is kept current by a live projection. A change of
 * what a view holds ships with a rebuild into a new version.
 */
@Configuration(proxyBeanMethods = false)
class UserViewsConfig {

    static final ViewVersion USERS = new ViewVersion("users", 1);
    static final String USERS_INDEX_DEFINITION = "search/users_v1.json";

    @Bean
    MongoVersionedView usersMongoView(MongoDatabase viewDatabase, ViewRegistry registry) {
        return new MongoVersionedView(new MongoViewDefinition(USERS, List.of(), UsersMongoProjection::new),
                viewDatabase, registry);
    }

    @Bean
    SearchVersionedView usersSearchView(ElasticsearchClient client, SearchIndexInitializer indices) {
        return new SearchVersionedView(new SearchViewDefinition(USERS, USERS_INDEX_DEFINITION, "userId",
                UsersSearchProjection::new), client, indices);
    }
}
