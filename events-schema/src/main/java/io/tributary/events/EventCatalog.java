package io.tributary.events;

import io.tributary.events.order.OrderCancelled;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderRejected;
import io.tributary.events.order.OrderShipped;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductDetailsChanged;
import io.tributary.events.product.ProductDiscontinued;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.product.StockReleased;
import io.tributary.events.product.StockReservationRefused;
import io.tributary.events.product.StockReserved;
import io.tributary.events.product.StockShipped;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.tributary.events.AggregateType.ORDER;
import static io.tributary.events.AggregateType.PRODUCT;
import static io.tributary.events.AggregateType.USER;

/** The registry of every published event type, looked up by Java type or by CloudEvents type. */
public final class EventCatalog {

    private static final List<EventDescriptor> DESCRIPTORS = List.of(
            EventDescriptor.of(UserRegistered.class, USER, "registered", 1),
            EventDescriptor.of(UserProfileChanged.class, USER, "profile-changed", 1),
            EventDescriptor.of(UserEmailChanged.class, USER, "email-changed", 1),
            EventDescriptor.of(UserDeactivated.class, USER, "deactivated", 1),
            EventDescriptor.of(ProductAdded.class, PRODUCT, "added", 2),
            EventDescriptor.of(ProductDetailsChanged.class, PRODUCT, "details-changed", 1),
            EventDescriptor.of(ProductPriceChanged.class, PRODUCT, "price-changed", 1),
            EventDescriptor.of(ProductRestocked.class, PRODUCT, "restocked", 1),
            EventDescriptor.of(ProductDiscontinued.class, PRODUCT, "discontinued", 1),
            EventDescriptor.of(StockReserved.class, PRODUCT, "stock-reserved", 1),
            EventDescriptor.of(StockReservationRefused.class, PRODUCT, "stock-reservation-refused", 1),
            EventDescriptor.of(StockReleased.class, PRODUCT, "stock-released", 1),
            EventDescriptor.of(StockShipped.class, PRODUCT, "stock-shipped", 1),
            EventDescriptor.of(OrderPlaced.class, ORDER, "placed", 1),
            EventDescriptor.of(OrderConfirmed.class, ORDER, "confirmed", 1),
            EventDescriptor.of(OrderRejected.class, ORDER, "rejected", 1),
            EventDescriptor.of(OrderCancelled.class, ORDER, "cancelled", 1),
            EventDescriptor.of(OrderShipped.class, ORDER, "shipped", 1));

    private static final Map<Class<?>, EventDescriptor> BY_JAVA_TYPE = DESCRIPTORS.stream()
            .collect(Collectors.toUnmodifiableMap(EventDescriptor::javaType, Function.identity()));
    private static final Map<String, EventDescriptor> BY_CLOUD_EVENT_TYPE = DESCRIPTORS.stream()
            .collect(Collectors.toUnmodifiableMap(EventDescriptor::cloudEventType, Function.identity()));

    private EventCatalog() {
    }

    public static List<EventDescriptor> all() {
        return DESCRIPTORS;
    }

    public static EventDescriptor of(Class<?> javaType) {
        EventDescriptor descriptor = BY_JAVA_TYPE.get(javaType);
        if (descriptor == null) {
            throw new IllegalArgumentException("not a published event type: " + javaType.getName());
        }
        return descriptor;
    }

    public static Optional<EventDescriptor> byCloudEventType(String cloudEventType) {
        return Optional.ofNullable(BY_CLOUD_EVENT_TYPE.get(cloudEventType));
    }
}
