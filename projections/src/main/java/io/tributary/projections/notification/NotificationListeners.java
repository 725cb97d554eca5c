package io.tributary.projections.notification;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The notifications are one consumer group, {@value #GROUP}, with a listener container per topic: an order whose
 * user has not arrived yet waits (see {@link RecipientNotKnownYetException}) in the orders container, while the users
 * container goes on and brings that user in. In one container the waiting order could hold back its own user.
 * Each listener takes a poll at a time, at most {@code tributary.notifications.batch-size} records.
 */
@Component
class NotificationListeners {

    static final String GROUP = "notifications";

    private static final String USERS_TOPIC = "#{T(io.tributary.events.AggregateType).USER.topic()}";
    private static final String ORDERS_TOPIC = "#{T(io.tributary.events.AggregateType).ORDER.topic()}";
    private static final String BATCH_SIZE = "max.poll.records=${tributary.notifications.batch-size}";

    private final NotificationBatches batches;
    private final WelcomeNotifications welcomes;
    private final OrderNotifications orders;

    NotificationListeners(NotificationBatches batches, WelcomeNotifications welcomes, OrderNotifications orders) {
        this.batches = batches;
        this.welcomes = welcomes;
        this.orders = orders;
    }

    @KafkaListener(id = GROUP + "-users", groupId = GROUP, topics = USERS_TOPIC, batch = "true",
            properties = BATCH_SIZE)
    void onUserEvents(List<ConsumerRecord<String, byte[]>> records) {
        batches.handle(welcomes, records);
    }

    @KafkaListener(id = GROUP + "-orders", groupId = GROUP, topics = ORDERS_TOPIC, batch = "true",
            properties = BATCH_SIZE)
    void onOrderEvents(List<ConsumerRecord<String, byte[]>> records) {
        batches.handle(orders, records);
    }
}
