package io.tributary.command.order;

import io.tributary.command.product.Product;
import io.tributary.command.user.User;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.test.aggregate.AggregateTestFixture;

/**
 * The {@link Order} fixture with its real command handler, which loads the users and products it checks from a
 * store of their own that a test fills with their history.
 */
final class OrderHandlerFixture implements AutoCloseable {

    final AggregateTestFixture<Order> orders = new AggregateTestFixture<>(Order.class);
    private final EmbeddedEventStore otherAggregates =
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();

    OrderHandlerFixture() {
        orders.registerAnnotatedCommandHandler(new OrderCommandHandler(orders.getRepository(),
                EventSourcingRepository.builder(User.class).eventStore(otherAggregates).build(),
                EventSourcingRepository.builder(Product.class).eventStore(otherAggregates).build()));
    }

    /** An event of another aggregate ({@code User}, {@code Product}) the handler may load. */
    void history(String type, String id, long sequence, Object event) {
        otherAggregates.publish(new GenericDomainEventMessage<>(type, id, sequence, event));
    }

    @Override
    public void close() {
        otherAggregates.shutDown();
    }
}
