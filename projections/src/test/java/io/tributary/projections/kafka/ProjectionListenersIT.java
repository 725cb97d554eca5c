package io.tributary.projections.kafka;

import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.rebuild.LiveProjection;
import io.tributary.projections.rebuild.LiveProjections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;


import static org.assertj.core.api.Assertions.assertThat;

/** The listeners of the views: each projection in its own container and consumer group. */
class ProjectionListenersIT extends ProjectionsIntegrationTest {

    @Autowired
    LiveProjections projections;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void everyProjectionConsumesItsAggregateTopicInItsOwnGroup() {
        assertThat(projections.all()).extracting(LiveProjection::name).containsExactlyInAnyOrder(
                "users-mongo-view", "users-search-index",
                "products-mongo-view", "products-search-index",
                "orders-mongo-view", "orders-search-index");
        for (LiveProjection projection : projections.all()) {
            MessageListenerContainer container = listeners.getListenerContainer(projection.name());
            assertThat(container).as(projection.name()).isNotNull();
            assertThat(container.getGroupId()).isEqualTo(projection.name());
            assertThat(container.getContainerProperties().getTopics())
                    .containsExactly(projection.view().aggregateType().topic());
            assertThat(container.isRunning()).isTrue();
        }
    }
}
