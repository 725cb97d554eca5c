package io.tributary.projections.order;

import io.tributary.projections.kafka.ProjectionRecordHandler;
import io.tributary.projections.rebuild.LiveProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One listener container and consumer group per order projection; a listener's id is its consumer group.
 * Each poll's records are applied as one batch.
 */
@Component
class OrderProjectionListeners {

    private static final String ORDERS_TOPIC = "#{T(io.tributary.events.AggregateType).ORDER.topic()}";

    private final ProjectionRecordHandler handler;
    private final LiveProjection mongo;
    private final LiveProjection search;

    OrderProjectionListeners(ProjectionRecordHandler handler, @Qualifier("ordersMongoProjection") LiveProjection mongo,
            @Qualifier("ordersSearchProjection") LiveProjection search) {
        this.handler = handler;
        this.mongo = mongo;
        this.search = search;
    }

    @KafkaListener(id = OrdersMongoProjection.NAME, topics = ORDERS_TOPIC, batch = "true")
    void onOrderEventsForMongo(List<ConsumerRecord<String, byte[]>> records) {
        handler.handleAll(mongo, records);
    }

    @KafkaListener(id = OrdersSearchProjection.NAME, topics = ORDERS_TOPIC, batch = "true")
    void onOrderEventsForSearch(List<ConsumerRecord<String, byte[]>> records) {
        handler.handleAll(search, records);
    }
}
