package io.tributary.projections.product;

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

/** The product views: how each is made (every version alike); each is kept current by a live projection. */
@Configuration(proxyBeanMethods = false)
class ProductViewsConfig {

    static final ViewVersion PRODUCTS = new ViewVersion("products", 1);
    static final String PRODUCTS_INDEX_DEFINITION = "search/products_v1.json";

    @Bean
    MongoVersionedView productsMongoView(MongoDatabase viewDatabase, ViewRegistry registry) {
        return new MongoVersionedView(new MongoViewDefinition(PRODUCTS, List.of(), ProductsMongoProjection::new),
                viewDatabase, registry);
    }

    @Bean
    SearchVersionedView productsSearchView(ElasticsearchClient client, SearchIndexInitializer indices) {
        return new SearchVersionedView(new SearchViewDefinition(PRODUCTS, PRODUCTS_INDEX_DEFINITION, "productId",
                ProductsSearchProjection::new), client, indices);
    }
}
