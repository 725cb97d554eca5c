package io.tributary.projections.order;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
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
 * The order views: how each is made (every version alike, the orders collection with the indices it is read
 * through); each is kept current by a live projection.
 */
@Configuration(proxyBeanMethods = false)
class OrderViewsConfig {

    static final ViewVersion ORDERS = new ViewVersion("orders", 1);
    static final String ORDERS_INDEX_DEFINITION = "search/orders_v1.json";

    static final List<IndexModel> ORDERS_INDEXES = List.of(
            // A user's orders, newest first; the id breaks ties so that a (placedAt, _id) cursor is stable.
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("userId"), Indexes.descending("placedAt", "_id"))),
            // The export's filters.
            new IndexModel(Indexes.compoundIndex(Indexes.ascending("status"), Indexes.descending("placedAt"))),
            new IndexModel(Indexes.descending("placedAt")));

    @Bean
    MongoVersionedView ordersMongoView(MongoDatabase viewDatabase, ViewRegistry registry) {
        return new MongoVersionedView(new MongoViewDefinition(ORDERS, ORDERS_INDEXES, OrdersMongoProjection::new),
                viewDatabase, registry);
    }

    @Bean
    SearchVersionedView ordersSearchView(ElasticsearchClient client, SearchIndexInitializer indices) {
        return new SearchVersionedView(new SearchViewDefinition(ORDERS, ORDERS_INDEX_DEFINITION, "orderId",
                OrdersSearchProjection::new), client, indices);
    }
}
