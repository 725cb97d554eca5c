package io.tributary.projections.product;

import io.tributary.projections.kafka.ProjectionRecordHandler;
import io.tributary.projections.rebuild.LiveProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One listener container and consumer group per product projection; a listener's id is its consumer group.
 * Each poll's records are applied as one batch.
 */
@Component
class ProductProjectionListeners {

    private static final String PRODUCTS_TOPIC = "#{T(io.tributary.events.AggregateType).PRODUCT.topic()}";

    private final ProjectionRecordHandler handler;
    private final LiveProjection mongo;
    private final LiveProjection search;

    ProductProjectionListeners(ProjectionRecordHandler handler, @Qualifier("productsMongoProjection") LiveProjection mongo,
            @Qualifier("productsSearchProjection") LiveProjection search) {
        this.handler = handler;
        this.mongo = mongo;
        this.search = search;
    }

    @KafkaListener(id = ProductsMongoProjection.NAME, topics = PRODUCTS_TOPIC, batch = "true")
    void onProductEventsForMongo(List<ConsumerRecord<String, byte[]>> records) {
        handler.handleAll(mongo, records);
    }

    @KafkaListener(id = ProductsSearchProjection.NAME, topics = PRODUCTS_TOPIC, batch = "true")
    void onProductEventsForSearch(List<ConsumerRecord<String, byte[]>> records) {
        handler.handleAll(search, records);
    }
}
