package io.tributary.projections.notification;

import io.tributary.projections.kafka.ProjectionRecordHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The notifications are one consumer group, {@value #GROUP}, with a listener container per topic: an order whose
 * user has not arrived yet waits (see {@link RecipientNotKnownYetException}) in the orders container, while the users
 * container goes on and brings that user in. In one container the waiting order could hold back its own user.
 */
@Component
class NotificationListeners {

    static final String GROUP = "notifications";

    private static final String USERS_TOPIC = "#{T(io.tributary.events.AggregateType).USER.topic()}";
    private static final String ORDERS_TOPIC = "#{T(io.tributary.events.AggregateType).ORDER.topic()}";

    private final ProjectionRecordHandler handler;
    private final WelcomeNotifications welcomes;
    private final OrderNotifications orders;

    NotificationListeners(ProjectionRecordHandler handler, WelcomeNotifications welcomes, OrderNotifications orders) {
        this.handler = handler;
        this.welcomes = welcomes;
        this.orders = orders;
    }

    @KafkaListener(id = GROUP + "-users", groupId = GROUP, topics = USERS_TOPIC)
    void onUserEvent(ConsumerRecord<String, byte[]> record) {
        handler.handle(welcomes, record);
    }

    @KafkaListener(id = GROUP + "-orders", groupId = GROUP, topics = ORDERS_TOPIC)
    void onOrderEvent(ConsumerRecord<String, byte[]> record) {
        handler.handle(orders, record);
    }
}
