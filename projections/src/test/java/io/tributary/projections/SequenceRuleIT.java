package io.tributary.projections;

import io.tributary.events.AggregateType;
import io.tributary.events.CloudEventHeaders;
import io.tributary.events.DomainEvent;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.order.OrderShipped;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.order.OrdersMongoProjection;
import io.tributary.projections.order.OrdersSearchProjection;
import io.tributary.projections.product.ProductsMongoProjection;
import io.tributary.projections.product.ProductsSearchProjection;
import io.tributary.projections.user.UsersMongoProjection;
import io.tributary.projections.user.UsersSearchProjection;
import io.tributary.projections.view.EventGapException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.tributary.projections.CloudEventRecords.event;
import static io.tributary.projections.CloudEventRecords.onPartition;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sequence rule on every view: an event whose predecessor the view lacks leaves the view alone and ends in
 * the dead-letter topic, as does an event that cannot be applied; neither holds back the events after it.
 */
class SequenceRuleIT extends ProjectionsIntegrationTest {

    /** An aggregate type with its views and three consecutive events of one aggregate. */
    enum Views {
        USERS(AggregateType.USER, "users_v1", UsersMongoProjection.NAME, UsersSearchProjection.NAME) {
            @Override
            List<DomainEvent> stream(String id) {
                return List.of(new UserRegistered(id, "Ada Lovelace", "ada@example.com"),
                        new UserProfileChanged(id, "Ada King", 36, null),
                        new UserEmailChanged(id, "ada.king@example.com"));
            }
        },
        PRODUCTS(AggregateType.PRODUCT, "products_v1", ProductsMongoProjection.NAME, ProductsSearchProjection.NAME) {
            @Override
            List<DomainEvent> stream(String id) {
                return List.of(new ProductAdded(id, "SKU-" + id, "Desk Lamp", "LED", "lighting",
                                Money.of("39.90", "EUR"), 3),
                        new ProductPriceChanged(id, Money.of("34.90", "EUR")),
                        new ProductRestocked(id, 10, 13));
            }
        },
        ORDERS(AggregateType.ORDER, "orders_v1", OrdersMongoProjection.NAME, OrdersSearchProjection.NAME) {
            @Override
            List<DomainEvent> stream(String id) {
                return List.of(new OrderPlaced(id, "user-" + id,
                                List.of(new OrderLine("product-1", 2, Money.of("10.00", "EUR"))),
                                Money.of("20.00", "EUR")),
                        new OrderConfirmed(id),
                        new OrderShipped(id));
            }
        };

        final AggregateType aggregateType;
        final String viewVersion;
        final String mongoProjection;
        final String searchProjection;

        Views(AggregateType aggregateType, String viewVersion, String mongoProjection, String searchProjection) {
            this.aggregateType = aggregateType;
            this.viewVersion = viewVersion;
            this.mongoProjection = mongoProjection;
            this.searchProjection = searchProjection;
        }

        /** The notifications read some of the same topics and dead-letter on their own; only the views count here. */
        Set<String> groups() {
            return Set.of(mongoProjection, searchProjection);
        }

        abstract List<DomainEvent> stream(String id);
    }

    @ParameterizedTest
    @EnumSource(Views.class)
    void anEventAfterAGapIsDeadLetteredWhileOtherAggregatesOnThePartitionGoOn(Views views) {
        String behind = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        int partition = ThreadLocalRandom.current().nextInt(PARTITIONS);
        double gapsBefore = gapsDeadLettered(views);
        send(onPartition(eventOf(views, behind, 1), partition));
        awaitVersion(views.viewVersion, views.viewVersion, behind, 1);

        // Event 3 before event 2, then another aggregate's first event behind it on the same partition.
        send(onPartition(eventOf(views, behind, 3), partition));
        send(onPartition(eventOf(views, other, 1), partition));

        awaitVersion(views.viewVersion, views.viewVersion, other, 1);
        assertThat(mongoDocument(views.viewVersion, behind).orElseThrow().getLong("version")).isEqualTo(1);
        assertThat(searchDocument(views.viewVersion, behind).version()).isEqualTo(1);
        List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters(views.aggregateType.topic(), Set.of(behind), views.groups(), 2);
        assertThat(deadLetters)
                .extracting(record -> header(record, "kafka_dlt-original-consumer-group"))
                .containsExactlyInAnyOrder(views.mongoProjection, views.searchProjection);
        assertThat(deadLetters).allSatisfy(record -> {
            assertThat(header(record, CloudEventHeaders.AGGREGATE_VERSION)).isEqualTo("3");
            assertThat(header(record, "kafka_dlt-exception-cause-fqcn")).isEqualTo(EventGapException.class.getName());
            assertThat(header(record, "kafka_dlt-exception-message")).contains("at version 1");
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(gapsDeadLettered(views)).isEqualTo(gapsBefore + 2));
    }

    @ParameterizedTest
    @EnumSource(Views.class)
    void poisonEventsAreDeadLetteredWhileLaterEventsGoOn(Views views) {
        String garbled = UUID.randomUUID().toString();
        String headless = UUID.randomUUID().toString();
        String valid = UUID.randomUUID().toString();
        int partition = ThreadLocalRandom.current().nextInt(PARTITIONS);
        Class<?> firstEventType = views.stream(garbled).getFirst().getClass();

        // A payload that does not decode, and a change of an aggregate that has no first event (it decodes, but
        // cannot be applied), then a valid event behind them on the same partition.
        send(onPartition(event(firstEventType, garbled, 1, nextPosition(), Instant.now(), "{\"id\":"), partition));
        ProducerRecord<String, byte[]> changeAsFirst = onPartition(event(
                views.stream(headless).get(1), 1, nextPosition(), Instant.now()), partition);
        send(changeAsFirst);
        send(onPartition(eventOf(views, valid, 1), partition));

        awaitVersion(views.viewVersion, views.viewVersion, valid, 1);
        for (String poisoned : List.of(garbled, headless)) {
            assertThat(mongoDocument(views.viewVersion, poisoned)).isEmpty();
            assertThat(searchDocument(views.viewVersion, poisoned).found()).isFalse();
        }
        List<ConsumerRecord<String, byte[]>> deadLetters =
                deadLetters(views.aggregateType.topic(), Set.of(garbled, headless), views.groups(), 4);
        assertThat(deadLetters)
                .extracting(record -> record.key() + " from " + header(record, "kafka_dlt-original-consumer-group"))
                .containsExactlyInAnyOrder(
                        garbled + " from " + views.mongoProjection,
                        garbled + " from " + views.searchProjection,
                        headless + " from " + views.mongoProjection,
                        headless + " from " + views.searchProjection);
        assertThat(deadLetters).filteredOn(record -> record.key().equals(headless))
                .allSatisfy(record -> {
                    assertThat(record.value()).isEqualTo(changeAsFirst.value());
                    assertThat(header(record, "kafka_dlt-exception-message")).contains("cannot be its first event");
                });
        assertThat(deadLetters).filteredOn(record -> record.key().equals(garbled))
                .allSatisfy(record -> assertThat(new String(record.value(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"id\":"));
    }

    private static ProducerRecord<String, byte[]> eventOf(Views views, String id, int version) {
        return event(views.stream(id).get(version - 1), version, nextPosition(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    private double gapsDeadLettered(Views views) {
        return deadLettered(views.mongoProjection, "gap") + deadLettered(views.searchProjection, "gap");
    }
}
