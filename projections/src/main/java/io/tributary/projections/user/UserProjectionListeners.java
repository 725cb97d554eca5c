package io.tributary.projections.user;

import io.tributary.projections.kafka.ProjectionRecordHandler;
import io.tributary.projections.rebuild.LiveProjection;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * One listener container and consumer group per user projection, so a slow or unavailable store holds back
 * only its own projection. A listener's id is its consumer group.
 * Each poll's records are applied as one batch.
 */
@Component
class UserProjectionListeners {

    private static final String USERS_TOPIC = "#{T(io.tributary.events.AggregateType).USER.topic()}";

    private final ProjectionRecordHandler handler;
    private final LiveProjection mongo;
    private final LiveProjection search;

    UserProjectionListeners(ProjectionRecordHandler handler, @Qualifier("usersMongoProjection") LiveProjection mongo,
            @Qualifier("usersSearchProjection") LiveProjection search) {
        this.handler = handler;
        this.mongo = mongo;
        this.search = search;
    }

    @KafkaListener(id = UsersMongoProjection.NAME, topics = USERS_TOPIC, batch = "true")
    void onUserEventsForMongo(List<ConsumerRecord<String, byte[]>> records) {
        handler.handleAll(mongo, records);
    }

    @KafkaListener(id = UsersSearchProjection.NAME, topics = USERS_TOPIC, batch = "true")
    void onUserEventsForSearch(List<ConsumerRecord<String, byte[]>> records) {
        handler.handleAll(search, records);
    }
}
