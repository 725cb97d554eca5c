package io.tributary.projections.kafka;

import io.tributary.projections.Projection;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionListenersIT extends ProjectionsIntegrationTest {

    @Autowired
    List<Projection> projections;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void everyProjectionConsumesItsAggregateTopicInItsOwnGroup() {
        assertThat(projections).extracting(Projection::name).containsExactlyInAnyOrder(
                "users-mongo-view", "users-search-index",
                "products-mongo-view", "products-search-index",
                "orders-mongo-view", "orders-search-index");
        for (Projection projection : projections) {
            MessageListenerContainer container = listeners.getListenerContainer(projection.name());
            assertThat(container).as(projection.name()).isNotNull();
            assertThat(container.getGroupId()).isEqualTo(projection.name());
            assertThat(container.getContainerProperties().getTopics())
                    .containsExactly(projection.aggregateType().topic());
            assertThat(container.isRunning()).isTrue();
        }
    }
}
