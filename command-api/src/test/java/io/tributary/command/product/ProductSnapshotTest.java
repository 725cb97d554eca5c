package io.tributary.command.product;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tributary.events.money.Money;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductDiscontinued;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.product.StockReleased;
import io.tributary.events.product.StockReserved;
import io.tributary.events.product.StockShipped;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A product loaded from its snapshot (taken by Axon's snapshotter and stored in JSON, as in production) plus the
 * events after it has exactly the state of the same product folded from its whole stream.
 */
class ProductSnapshotTest {

    private static final String PRODUCT = "5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f";
    private static final Serializer JSON = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().findAndAddModules().build())
            .build();

    @Test
    void aProductReloadedFromItsSnapshotEqualsTheProductFoldedFromAllItsEvents() {
        List<Object> history = history();
        List<Object> beforeSnapshot = history.subList(0, 55);
        List<Object> afterSnapshot = history.subList(55, history.size());

        EmbeddedEventStore snapshotted = store(new JsonSnapshotStorageEngine());
        append(snapshotted, beforeSnapshot, 0);
        AggregateSnapshotter.builder()
                .eventStore(snapshotted)
                .aggregateFactories(new GenericAggregateFactory<>(Product.class))
                .build()
                .scheduleSnapshot(Product.class, PRODUCT);
        append(snapshotted, afterSnapshot, beforeSnapshot.size());
        EmbeddedEventStore folded = store(new InMemoryEventStorageEngine());
        append(folded, history, 0);

        assertThat(snapshotted.readEvents(PRODUCT).peek().getPayload())
                .as("loading starts from the snapshot").isInstanceOf(Product.class);
        assertThat(load(snapshotted)).usingRecursiveComparison().isEqualTo(load(folded));
        assertThat(load(snapshotted).price()).isEqualTo(Money.of("21.00", "EUR"));
    }

    /** 60 events: reservations for 25 orders, some released or shipped, a restock, a price change, a discontinuation. */
    private static List<Object> history() {
        List<Object> events = new ArrayList<>();
        events.add(new ProductAdded(PRODUCT, "LOOM-1", "Loom", "A loom", "machines", Money.of("19.90", "EUR"), 100));
        int available = 100;
        int reserved = 0;
        for (int order = 0; order < 25; order++) {
            available -= 2;
            reserved += 2;
            events.add(new StockReserved(PRODUCT, "order-" + order, 2, available, reserved));
        }
        for (int order = 0; order < 15; order++) {
            reserved -= 2;
            if (order % 2 == 0) {
                available += 2;
                events.add(new StockReleased(PRODUCT, "order-" + order, 2, available, reserved));
            } else {
                events.add(new StockShipped(PRODUCT, "order-" + order, 2, reserved));
            }
        }
        events.add(new ProductRestocked(PRODUCT, 30, available + 30));
        for (int order = 25; order < 41; order++) {
            available -= 1;
            reserved += 1;
            events.add(new StockReserved(PRODUCT, "order-" + order, 1, available, reserved));
        }
        events.add(new ProductPriceChanged(PRODUCT, Money.of("21.00", "EUR")));
        events.add(new ProductDiscontinued(PRODUCT));
        assertThat(events).hasSize(60);
        return events;
    }

    private static EmbeddedEventStore store(InMemoryEventStorageEngine engine) {
        return EmbeddedEventStore.builder().storageEngine(engine).build();
    }

    private static void append(EmbeddedEventStore store, List<Object> events, long firstSequence) {
        for (int i = 0; i < events.size(); i++) {
            store.publish(new GenericDomainEventMessage<>("Product", PRODUCT, firstSequence + i, events.get(i)));
        }
    }

    private static Product load(EmbeddedEventStore store) {
        EventSourcingRepository<Product> repository = EventSourcingRepository.builder(Product.class).eventStore(store).build();
        return DefaultUnitOfWork.startAndGet(null).executeWithResult(() -> repository.load(PRODUCT).invoke(product -> product))
                .getPayload();
    }

    /** Keeps snapshots as JSON, as the JDBC store does, so that a field the serializer loses fails the test. */
    private static final class JsonSnapshotStorageEngine extends InMemoryEventStorageEngine {

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            SerializedObject<byte[]> stored = JSON.serialize(snapshot.getPayload(), byte[].class);
            Object restored = JSON.deserialize(stored);
            super.storeSnapshot(new GenericDomainEventMessage<>(snapshot.getType(), snapshot.getAggregateIdentifier(),
                    snapshot.getSequenceNumber(), restored, snapshot.getMetaData()));
        }
    }
}
