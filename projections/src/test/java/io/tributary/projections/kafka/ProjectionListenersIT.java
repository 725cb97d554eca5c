package io.tributary.projections.kafka;

import io.tributary.projections.AggregateProjection;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The listeners of the views: each projection in its own container and consumer group. */
class ProjectionListenersIT extends ProjectionsIntegrationTest {

    @Autowired
    List<AggregateProjection<?>> projections;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void everyProjectionConsumesItsAggregateTopicInItsOwnGroup() {
        assertThat(projections).extracting(AggregateProjection::name).containsExactlyInAnyOrder(
                "users-mongo-view", "users-search-index",
                "products-mongo-view", "products-search-index",
                "orders-mongo-view", "orders-search-index");
        for (AggregateProjection<?> projection : projections) {
            MessageListenerContainer container = listeners.getListenerContainer(projection.name());
            assertThat(container).as(projection.name()).isNotNull();
            assertThat(container.getGroupId()).isEqualTo(projection.name());
            assertThat(container.getContainerProperties().getTopics())
                    .containsExactly(projection.aggregateType().topic());
            assertThat(container.isRunning()).isTrue();
        }
    }
}
