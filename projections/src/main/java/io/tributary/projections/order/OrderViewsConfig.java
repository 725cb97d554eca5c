package io.tributary.projections.order;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.Indexes;
import io.tributary.projections.view.MongoView;
import io.tributary.projections.view.MongoViewDefinition;
import io.tributary.projections.view.SearchIndexInitializer;
import io.tributary.projections.view.SearchView;
import io.tributary.projections.view.SearchViewDefinition;
import io.tributary.projections.view.ViewRegistry;
import io.tributary.projections.view.ViewVersion;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The view versions the live order projections write, and the indices the orders collection is read through. */
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
    MongoView ordersMongoView(MongoDatabase viewDatabase, ViewRegistry registry) {
        return new MongoView(ORDERS, viewDatabase, registry, ORDERS_INDEXES);
    }

    @Bean
    SearchView ordersSearchView(ElasticsearchClient client, SearchIndexInitializer initializer) {
        return new SearchView(ORDERS, ORDERS_INDEX_DEFINITION, client, initializer);
    }

    @Bean
    OrdersMongoProjection ordersMongoProjection(MongoView ordersMongoView) {
        return new OrdersMongoProjection(ordersMongoView);
    }

    @Bean
    OrdersSearchProjection ordersSearchProjection(SearchView ordersSearchView) {
        return new OrdersSearchProjection(ordersSearchView);
    }

    @Bean
    MongoViewDefinition ordersMongoDefinition() {
        return new MongoViewDefinition(ORDERS, OrdersMongoProjection::new);
    }

    @Bean
    SearchViewDefinition ordersSearchDefinition() {
        return new SearchViewDefinition(ORDERS, ORDERS_INDEX_DEFINITION, "orderId", OrdersSearchProjection::new);
    }
}
