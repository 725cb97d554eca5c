package io.tributary.projections;

import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.tributary.events.AggregateType;
import io.tributary.events.DomainEvent;
import io.tributary.events.EventCatalog;
import io.tributary.events.money.Money;
import io.tributary.events.order.OrderConfirmed;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.events.product.ProductAdded;
import io.tributary.events.product.ProductPriceChanged;
import io.tributary.events.product.ProductRestocked;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.envelope.EventEnvelope;
import io.tributary.projections.view.MongoVersionedView;
import io.tributary.projections.view.SearchVersionedView;
import io.tributary.projections.view.ViewVersion;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prints how fast every view catches up on a backlog, against baselines measured in the same run on the same
 * servers. Per aggregate type, a backlog of events (100,000 by default) goes to Kafka while the type's two view
 * listeners are stopped; then they start, and the time until each consumer group has committed the whole backlog
 * gives its events/s. Baselines: a raw bulk write of the resulting documents into the same store (Mongo
 * {@code insertMany}, Elasticsearch {@code _bulk}, 1,000 per request), and the one-event-at-a-time write path over
 * a sample of the same events. A benchmark, not a test: it asserts only that the views caught up, and is not part
 * of the test run. Run it with
 * {@code ./mvnw -B -q -pl projections -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=ViewCatchUpBenchmark}; {@code -Dbench.events=N} and {@code -Dbench.single-events=N} change the sizes.
 */
class ViewCatchUpBenchmark extends ProjectionsIntegrationTest {

    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int SINGLE_EVENTS = Integer.getInteger("bench.single-events", 3_000);
    private static final int FRESHNESS_EVENTS = Integer.getInteger("bench.freshness-events", 200);
    private static final int CHUNK = 1_000;
    private static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    List<MongoVersionedView> mongoViews;
    @Autowired
    List<SearchVersionedView> searchViews;

    private final List<String> report = new ArrayList<>();

    /** A backlog: the events of one aggregate type, in order per aggregate, and the ids of the documents. */
    private record Backlog(AggregateType type, List<DomainEvent> events, List<Long> versions, List<String> ids) {
    }

    @Test
    void everyViewCatchesUp() throws Exception {
        report.add(String.format(Locale.ROOT, "%-22s %8s %8s %9s %9s %9s %9s %7s %11s",
                "view", "events", "docs", "catch-up", "events/s", "raw bulk", "docs/s", "ratio", "1-by-1 ev/s"));
        for (Backlog backlog : List.of(users(), products(), orders())) {
            measure(backlog);
        }
        String freshness = freshness();
        System.out.println("\n=== View catch-up (" + Runtime.getRuntime().availableProcessors() + " cores; ratio = raw"
                + " bulk time / catch-up time; 1-by-1 = the per-event write path over " + SINGLE_EVENTS
                + " events) ===");
        report.forEach(System.out::println);
        System.out.println(freshness);
    }

    /**
     * Sequential single events, each sent (acks=all) once the previous one is visible: milliseconds from the
     * broker's acknowledgement until {@code GET} by id shows the user in MongoDB and in Elasticsearch (realtime
     * get, no refresh needed). The Kafka-consumer side of freshness: poll, batch of one, write.
     */
    private String freshness() throws Exception {
        List<Double> mongoMillis = new ArrayList<>();
        List<Double> searchMillis = new ArrayList<>();
        for (int i = 0; i < FRESHNESS_EVENTS; i++) {
            String id = "bench-" + RUN + "-fresh-" + i;
            send(CloudEventRecords.event(new UserRegistered(id, "Fresh User", id + "@example.com"), 1,
                    nextPosition(), Instant.now()));
            long sent = System.nanoTime();
            boolean inMongo = false;
            boolean inSearch = false;
            while (!inMongo || !inSearch) {
                if (!inMongo && mongoUser(id).isPresent()) {
                    inMongo = true;
                    mongoMillis.add((System.nanoTime() - sent) / 1e6);
                }
                if (!inSearch && searchUser(id).found()) {
                    inSearch = true;
                    searchMillis.add((System.nanoTime() - sent) / 1e6);
                }
                assertThat((System.nanoTime() - sent) / 1e9).as("freshness of %s", id).isLessThan(30);
            }
        }
        return String.format(Locale.ROOT, "%n=== Freshness, Kafka ack -> visible by id, %d sequential events ===%n"
                        + "users-mongo-view     p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n"
                        + "users-search-index   p50 %6.1f ms  p90 %6.1f ms  p99 %6.1f ms  max %6.1f ms",
                FRESHNESS_EVENTS, percentile(mongoMillis, 50), percentile(mongoMillis, 90),
                percentile(mongoMillis, 99), percentile(mongoMillis, 100), percentile(searchMillis, 50),
                percentile(searchMillis, 90), percentile(searchMillis, 99), percentile(searchMillis, 100));
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private void measure(Backlog backlog) throws Exception {
        List<String> projections = projectionsOf(backlog.type());
        projections.forEach(name -> listeners.getListenerContainer(name).stop());
        produce(backlog);
        Map<TopicPartition, Long> ends = endOffsets(backlog.type().topic());
        long start = System.nanoTime();
        projections.forEach(name -> listeners.getListenerContainer(name).start());
        Map<String, Double> catchUp = awaitCaughtUp(projections, ends, start);
        for (MongoVersionedView definition : mongoViews) {
            String name = definition.name();
            if (projections.contains(name)) {
                double raw = rawMongo(definition.version(definition.initialVersion()), backlog.ids());
                double single = singleMongo(definition, backlog);
                row(name, backlog, catchUp.get(name), raw, single);
            }
        }
        for (SearchVersionedView definition : searchViews) {
            String name = definition.name();
            if (projections.contains(name)) {
                double raw = rawSearch(definition, backlog.ids());
                double single = singleSearch(definition, backlog);
                row(name, backlog, catchUp.get(name), raw, single);
            }
        }
    }

    private void row(String name, Backlog backlog, double catchUpSeconds, double rawSeconds, double singlePerSecond) {
        int events = backlog.events().size();
        int docs = backlog.ids().size();
        report.add(String.format(Locale.ROOT, "%-22s %8d %8d %8.1fs %9.0f %8.1fs %9.0f %6.2fx %11.0f",
                name, events, docs, catchUpSeconds, events / catchUpSeconds, rawSeconds, docs / rawSeconds,
                rawSeconds / catchUpSeconds, singlePerSecond));
        System.out.println(report.getLast());
    }

    private List<String> projectionsOf(AggregateType type) {
        return switch (type) {
            case USER -> List.of("users-mongo-view", "users-search-index");
            case PRODUCT -> List.of("products-mongo-view", "products-search-index");
            case ORDER -> List.of("orders-mongo-view", "orders-search-index");
        };
    }

    // ---- backlogs ----

    private static Backlog users() {
        Backlog backlog = new Backlog(AggregateType.USER, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int users = EVENTS * 5 / 6;
        for (int i = 0; i < users; i++) {
            String id = "bench-" + RUN + "-user-" + i;
            backlog.ids().add(id);
            add(backlog, new UserRegistered(id, "User Number " + i, "user" + i + "@example.com"), 1);
        }
        for (int i = 0; i < users; i += 5) {
            add(backlog, new UserEmailChanged(backlog.ids().get(i), "changed" + i + "@example.com"), 2);
        }
        return backlog;
    }

    private static Backlog products() {
        Backlog backlog = new Backlog(AggregateType.PRODUCT, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int products = EVENTS / 10;
        for (int i = 0; i < products; i++) {
            String id = "bench-" + RUN + "-product-" + i;
            backlog.ids().add(id);
            add(backlog, new ProductAdded(id, "SKU-" + RUN + "-" + i, "Running Shoe " + i,
                    "A light shoe for long runs, model " + i, "shoes", Money.of("59.90", "EUR"), 10), 1);
        }
        for (int version = 2; version <= 10; version++) {
            for (int i = 0; i < products; i++) {
                String id = backlog.ids().get(i);
                add(backlog, version % 2 == 0
                        ? new ProductPriceChanged(id, Money.of(50 + version + ".00", "EUR"))
                        : new ProductRestocked(id, 1, 10 + version), version);
            }
        }
        return backlog;
    }

    private static Backlog orders() {
        Backlog backlog = new Backlog(AggregateType.ORDER, new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        int orders = EVENTS / 2;
        for (int i = 0; i < orders; i++) {
            String id = "bench-" + RUN + "-order-" + i;
            backlog.ids().add(id);
            add(backlog, new OrderPlaced(id, "user-" + (i % 1000),
                    List.of(new OrderLine("product-" + (i % 100), 2, Money.of("10.00", "EUR"))),
                    Money.of("20.00", "EUR")), 1);
        }
        for (int i = 0; i < orders; i++) {
            add(backlog, new OrderConfirmed(backlog.ids().get(i)), 2);
        }
        return backlog;
    }

    private static void add(Backlog backlog, DomainEvent event, long version) {
        backlog.events().add(event);
        backlog.versions().add(version);
    }

    // ---- catch-up through Kafka ----

    private static void produce(Backlog backlog) throws InterruptedException, ExecutionException {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024))) {
            Instant time = Instant.now();
            for (int i = 0; i < backlog.events().size(); i++) {
                producer.send(CloudEventRecords.event(backlog.events().get(i), backlog.versions().get(i),
                        nextPosition(), time));
            }
            producer.flush();
        }
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < PARTITIONS; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get().entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, entry -> ((ListOffsetsResult.ListOffsetsResultInfo) entry.getValue()).offset()));
        }
    }

    /** Seconds from {@code start} until each group has committed {@code ends}. */
    private static Map<String, Double> awaitCaughtUp(List<String> groups, Map<TopicPartition, Long> ends, long start)
            throws Exception {
        Map<String, Double> seconds = new HashMap<>();
        try (Admin admin = admin()) {
            while (seconds.size() < groups.size()) {
                for (String group : groups) {
                    if (!seconds.containsKey(group) && committedAll(admin, group, ends)) {
                        seconds.put(group, (System.nanoTime() - start) / 1e9);
                    }
                }
                assertThat((System.nanoTime() - start) / 1e9).as("catch-up of %s", groups).isLessThan(1800);
                Thread.sleep(20);
            }
        }
        return seconds;
    }

    private static boolean committedAll(Admin admin, String group, Map<TopicPartition, Long> ends) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        return ends.entrySet().stream().allMatch(end -> {
            OffsetAndMetadata offset = committed.get(end.getKey());
            return end.getValue() == 0 || offset != null && offset.offset() >= end.getValue();
        });
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    // ---- baselines ----

    /** Seconds to insertMany the view's documents, as the catch-up left them, into a fresh collection. */
    private double rawMongo(ViewVersion view, List<String> ids) {
        MongoCollection<Document> source = mongo.getCollection(view.physicalName());
        List<Document> documents = new ArrayList<>(ids.size());
        for (List<String> chunk : chunks(ids)) {
            source.find(Filters.in("_id", chunk)).into(documents);
        }
        assertThat(documents).hasSize(ids.size());
        MongoCollection<Document> target = mongo.getCollection("bench_raw_" + view.name() + "_" + RUN);
        long start = System.nanoTime();
        for (List<Document> chunk : chunks(documents)) {
            target.insertMany(chunk, new InsertManyOptions().ordered(false));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        target.drop();
        return seconds;
    }

    /** Seconds to _bulk-index the view's documents, as the catch-up left them, into a fresh index. */
    private double rawSearch(SearchVersionedView definition, List<String> ids) throws IOException {
        List<Map.Entry<String, ObjectNode>> documents = new ArrayList<>(ids.size());
        for (List<String> chunk : chunks(ids)) {
            for (MultiGetResponseItem<ObjectNode> item : elasticsearch.mget(mget -> mget
                    .index(definition.version(definition.initialVersion()).physicalName()).ids(chunk), ObjectNode.class).docs()) {
                assertThat(item.result().found()).as(item.result().id()).isTrue();
                documents.add(Map.entry(item.result().id(), item.result().source()));
            }
        }
        ViewVersion raw = new ViewVersion("bench_raw_" + definition.readerName() + "_" + RUN, 1);
        definition.projectionOf(raw).view().ensureReady();
        long start = System.nanoTime();
        for (List<Map.Entry<String, ObjectNode>> chunk : chunks(documents)) {
            List<BulkOperation> operations = chunk.stream().map(document -> BulkOperation.of(operation -> operation
                    .index(index -> index.index(raw.physicalName()).id(document.getKey())
                            .document(document.getValue())))).toList();
            BulkResponse response = elasticsearch.bulk(bulk -> bulk.operations(operations));
            assertThat(response.errors()).isFalse();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        elasticsearch.indices().delete(delete -> delete.index(raw.physicalName()));
        return seconds;
    }

    /** Events/s of the per-event write path ({@code Projection#apply}) over the backlog's first events. */
    private double singleMongo(MongoVersionedView definition, Backlog backlog) {
        ViewVersion scratch = new ViewVersion("bench_single_" + definition.readerName() + "_" + RUN, 1);
        AggregateProjection<?, ?> projection = definition.projectionOf(scratch);
        projection.view().ensureReady();
        double perSecond = single(projection::apply, backlog);
        mongo.getCollection(scratch.physicalName()).drop();
        return perSecond;
    }

    private double singleSearch(SearchVersionedView definition, Backlog backlog) throws IOException {
        ViewVersion scratch = new ViewVersion("bench_single_" + definition.readerName() + "_" + RUN, 1);
        AggregateProjection<?, ?> projection = definition.projectionOf(scratch);
        projection.view().ensureReady();
        double perSecond = single(projection::apply, backlog);
        elasticsearch.indices().delete(delete -> delete.index(scratch.physicalName()));
        return perSecond;
    }

    /** A sample that keeps the backlog's mix: its first events of version 1 and of the later versions alike. */
    private static double single(Function<EventEnvelope, ?> apply, Backlog backlog) {
        List<Integer> sample = new ArrayList<>();
        int documents = Math.min(backlog.ids().size(), SINGLE_EVENTS * backlog.ids().size() / backlog.events().size());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < documents; i++) {
            index.put(backlog.ids().get(i), i);
        }
        for (int i = 0; i < backlog.events().size(); i++) {
            if (index.containsKey(backlog.events().get(i).aggregateId())) {
                sample.add(i);
            }
        }
        Instant time = Instant.now();
        long start = System.nanoTime();
        for (int i : sample) {
            DomainEvent event = backlog.events().get(i);
            apply.apply(new EventEnvelope("bench-" + i, EventCatalog.of(event.getClass()).cloudEventType(),
                    event.aggregateId(), time, backlog.versions().get(i), nextPosition(), null, event));
        }
        return sample.size() / ((System.nanoTime() - start) / 1e9);
    }

    private static <T> List<List<T>> chunks(List<T> list) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < list.size(); from += CHUNK) {
            chunks.add(list.subList(from, Math.min(list.size(), from + CHUNK)));
        }
        return chunks;
    }
}
