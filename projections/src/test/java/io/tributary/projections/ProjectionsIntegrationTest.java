package io.tributary.projections;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.devstack.LocalStack;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestIssuer;
import io.tributary.devstack.TestStack;
import io.tributary.events.AggregateType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Boots the projections service against the real Kafka, Mongo-protocol server and Elasticsearch of the test
 * stack, an SMTP server in this JVM and the test token issuer, and gives tests a producer, direct access to the
 * stores and the actuator over HTTP with a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tributary.projections.retry.max-retries=2",
        "tributary.projections.retry.initial-interval=100ms",
        "tributary.projections.retry.outage-max-interval=1s",
        // Low, so that a view held back takes the service out of readiness within seconds (ViewLagReadinessIT).
        "tributary.views.ready-lag-limit=5s"
})
@AutoConfigureObservability
public abstract class ProjectionsIntegrationTest {

    protected static final LocalStack STACK = TestStack.shared(Server.KAFKA, Server.MONGO, Server.ELASTICSEARCH);
    protected static final TestIssuer ISSUER = TestIssuer.shared();
    protected static final String USERS_TOPIC = AggregateType.USER.topic();
    protected static final String ORDERS_TOPIC = AggregateType.ORDER.topic();
    protected static final String USERS_COLLECTION = "users_v1";
    protected static final String USERS_INDEX = "users_v1";
    protected static final int PARTITIONS = 6;
    protected static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** Global positions as the event store would hand them out: increasing, shared by all tests. */
    private static final AtomicLong POSITIONS = new AtomicLong(1000);
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected MongoDatabase mongo;
    @Autowired
    protected ElasticsearchClient elasticsearch;
    @Autowired
    protected MeterRegistry meters;
    /** The service over HTTP without a token. */
    @Autowired
    protected TestRestTemplate http;
    @Autowired
    private RestTemplateBuilder restTemplates;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        STACK.endpoints().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        // Fail fast while the Mongo server is stopped (the driver's default waits 30 s per operation).
        String mongoUri = STACK.endpoints().springProperties().get("spring.data.mongodb.uri");
        registry.add("spring.data.mongodb.uri",
                () -> mongoUri + (mongoUri.contains("?") ? "&" : "?") + "serverSelectionTimeoutMS=500");
        TestMailServer.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        ISSUER.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        createAggregateTopics();
    }

    /** The service over HTTP as an operator: every request carries an admin's token. */
    protected TestRestTemplate operator() {
        return httpAs("operator", "admin");
    }

    /** The service over HTTP with a token for this subject and these roles. */
    protected TestRestTemplate httpAs(String subject, String... roles) {
        return new TestRestTemplate(restTemplates.rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + ISSUER.token(subject, roles)));
    }

    /** The relay creates the topics in production; 6 partitions like there. */
    private static void createAggregateTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (AggregateType aggregateType : AggregateType.values()) {
                createTopic(admin, aggregateType.topic());
            }
        }
    }

    private static void createTopic(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected static String bootstrapServers() {
        return STACK.endpoints().kafkaBootstrapServers();
    }

    protected static long nextPosition() {
        return POSITIONS.incrementAndGet();
    }

    protected static synchronized void send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("send failed", e);
        }
    }

    protected Optional<Document> mongoUser(String userId) {
        return mongoDocument(USERS_COLLECTION, userId);
    }

    protected GetResponse<ObjectNode> searchUser(String userId) {
        return searchDocument(USERS_INDEX, userId);
    }

    protected Optional<Document> mongoDocument(String collection, String id) {
        return Optional.ofNullable(mongo.getCollection(collection).find(Filters.eq("_id", id)).first());
    }

    protected GetResponse<ObjectNode> searchDocument(String index, String id) {
        try {
            return elasticsearch.get(get -> get.index(index).id(id), ObjectNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until both stores hold the document {@code id} at {@code version}. */
    protected void awaitVersion(String collection, String index, String id, long version) {
        await().atMost(TIMEOUT).until(() ->
                mongoDocument(collection, id).map(document -> document.getLong("version") == version).orElse(false)
                        && searchDocument(index, id).found() && searchDocument(index, id).version() == version);
    }

    /** Reads {@code <topic>.dlt} from the start until it has found {@code count} records keyed by {@code keys}. */
    protected static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, Set<String> keys, int count) {
        return deadLetters(topic, keys, null, count);
    }

    /** Dead letters of {@code keys} that the given consumer groups gave up on ({@code null}: any group). */
    protected static List<ConsumerRecord<String, byte[]>> deadLetters(String topic, Set<String> keys,
                                                                    Set<String> groups, int count) {
        List<ConsumerRecord<String, byte[]>> deadLetters = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic + ".dlt"));
            await().atMost(TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (keys.contains(record.key()) && (groups == null
                            || groups.contains(header(record, "kafka_dlt-original-consumer-group")))) {
                        deadLetters.add(record);
                    }
                });
                return deadLetters.size() >= count;
            });
        }
        return deadLetters;
    }

    protected static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Summed over topics: a projection may read several (the notifications read users and orders). */
    protected double deadLettered(String projection, String reason) {
        return meters.find("tributary.projection.dead.letters")
                .tag("projection", projection).tag("reason", reason).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    /**
     * Sends an aggregate's whole {@code stream} (versions 1, 2, …) and waits until both views reflect it; then
     * sends the stream again (a replay) plus its last event once more (a redelivery) and checks that both
     * projections count every one of them as already applied and neither view changed.
     */
    protected void assertReplayChangesNothing(String collection, String index, String mongoProjection,
                                              String searchProjection, List<ProducerRecord<String, byte[]>> stream) {
        String id = stream.getFirst().key();
        stream.forEach(ProjectionsIntegrationTest::send);
        awaitVersion(collection, index, id, stream.size());
        Document mongoBefore = mongoDocument(collection, id).orElseThrow();
        GetResponse<ObjectNode> searchBefore = searchDocument(index, id);
        double mongoAlreadyApplied = eventsCounted(mongoProjection, "already-applied");
        double searchAlreadyApplied = eventsCounted(searchProjection, "already-applied");

        stream.forEach(ProjectionsIntegrationTest::send);
        send(stream.getLast());

        int redelivered = stream.size() + 1;
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(eventsCounted(mongoProjection, "already-applied")).isEqualTo(mongoAlreadyApplied + redelivered);
            assertThat(eventsCounted(searchProjection, "already-applied"))
                    .isEqualTo(searchAlreadyApplied + redelivered);
        });
        assertThat(mongoDocument(collection, id)).contains(mongoBefore);
        GetResponse<ObjectNode> searchAfter = searchDocument(index, id);
        assertThat(searchAfter.version()).isEqualTo(searchBefore.version());
        assertThat(searchAfter.seqNo()).isEqualTo(searchBefore.seqNo());
        assertThat(searchAfter.source()).isEqualTo(searchBefore.source());
    }

    protected double eventsCounted(String projection, String outcome) {
        Counter counter = meters.find("tributary.projection.events")
                .tag("projection", projection).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
