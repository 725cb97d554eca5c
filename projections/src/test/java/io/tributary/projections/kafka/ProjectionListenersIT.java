package io.tributary.projections.kafka;

import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.rebuild.LiveProjection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The listeners of the views: each projection in its own container and consumer group. */
class ProjectionListenersIT extends ProjectionsIntegrationTest {

    @Autowired
    List<LiveProjection> projections;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void everyProjectionConsumesItsAggregateTopicInItsOwnGroup() {
        assertThat(projections).extracting(LiveProjection::name).containsExactlyInAnyOrder(
                "users-mongo-view", "users-search-index",
                "products-mongo-view", "products-search-index",
                "orders-mongo-view", "orders-search-index");
        for (LiveProjection projection : projections) {
            MessageListenerContainer container = listeners.getListenerContainer(projection.name());
            assertThat(container).as(projection.name()).isNotNull();
            assertThat(container.getGroupId()).isEqualTo(projection.name());
            assertThat(container.getContainerProperties().getTopics())
                    .containsExactly(projection.view().aggregateType().topic());
            assertThat(container.isRunning()).isTrue();
        }
    }

    @Test
    void everyListenerRunsOneConsumerPerInstance() {
        for (LiveProjection projection : projections) {
            assertThat(consumers(projection.name())).as(projection.name()).isEqualTo(1);
        }
        assertThat(consumers("notifications-users")).isEqualTo(1);
        assertThat(consumers("notifications-orders")).isEqualTo(1);
    }

    private int consumers(String listenerId) {
        return ((ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer(listenerId)).getConcurrency();
    }
}
