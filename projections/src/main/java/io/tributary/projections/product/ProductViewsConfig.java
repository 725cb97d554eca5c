package io.tributary.projections.product;

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

/** The view versions the live product projections write. */
@Configuration(proxyBeanMethods = false)
class ProductViewsConfig {

    static final ViewVersion PRODUCTS = new ViewVersion("products", 1);
    static final String PRODUCTS_INDEX_DEFINITION = "search/products_v1.json";

    @Bean
    MongoView productsMongoView(MongoDatabase viewDatabase, ViewRegistry registry) {
        return new MongoView(PRODUCTS, viewDatabase, registry);
    }

    @Bean
    SearchView productsSearchView(ElasticsearchClient client, SearchIndexInitializer initializer) {
        return new SearchView(PRODUCTS, PRODUCTS_INDEX_DEFINITION, client, initializer);
    }

    @Bean
    ProductsMongoProjection productsMongoProjection(MongoView productsMongoView) {
        return new ProductsMongoProjection(productsMongoView);
    }

    @Bean
    ProductsSearchProjection productsSearchProjection(SearchView productsSearchView) {
        return new ProductsSearchProjection(productsSearchView);
    }

    @Bean
    MongoViewDefinition productsMongoDefinition() {
        return new MongoViewDefinition(PRODUCTS, ProductsMongoProjection::new);
    }

    @Bean
    SearchViewDefinition productsSearchDefinition() {
        return new SearchViewDefinition(PRODUCTS, PRODUCTS_INDEX_DEFINITION, "productId",
                ProductsSearchProjection::new);
    }
}
