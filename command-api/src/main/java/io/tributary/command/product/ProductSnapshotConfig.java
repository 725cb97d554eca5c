package io.tributary.command.product;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProductSnapshotConfig {

    /** Reservations make product streams long; a snapshot every N events keeps loading them cheap. */
    @Bean
    SnapshotTriggerDefinition productSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${tributary.snapshots.product-threshold:50}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
