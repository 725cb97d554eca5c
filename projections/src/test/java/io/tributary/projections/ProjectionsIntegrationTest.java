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
import io.tributary.devstack.TestStack;
import io.tributary.events.AggregateType;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Boots the projections service against the real Kafka, Mongo-protocol server and Elasticsearch of the test
 * stack and an SMTP server in this JVM, and gives tests a producer and direct access to the stores.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tributary.projections.retry.max-retries=2",
        "tributary.projections.retry.initial-interval=100ms",
        "tributary.projections.retry.outage-max-interval=1s"
})
@AutoConfigureObservability(tracing = false)
public abstract class ProjectionsIntegrationTest {

    protected static final LocalStack STACK = TestStack.shared(Server.KAFKA, Server.MONGO, Server.ELASTICSEARCH);
    protected static final String USERS_TOPIC = AggregateType.USER.topic();
    protected static final String ORDERS_TOPIC = AggregateType.ORDER.topic();
    protected static final String USERS_COLLECTION = "users_v1";
    protected static final String USERS_INDEX = "users_v1";

    /** Global positions as the event store would hand them out: increasing, shared by all tests. */
    private static final AtomicLong POSITIONS = new AtomicLong(1000);
    private static KafkaProducer<String, byte[]> producer;

    @Autowired
    protected MongoDatabase mongo;
    @Autowired
    protected ElasticsearchClient elasticsearch;
    @Autowired
    protected MeterRegistry meters;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        STACK.endpoints().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        // Fail fast while the Mongo server is stopped (the driver's default waits 30 s per operation).
        String mongoUri = STACK.endpoints().springProperties().get("spring.data.mongodb.uri");
        registry.add("spring.data.mongodb.uri",
                () -> mongoUri + (mongoUri.contains("?") ? "&" : "?") + "serverSelectionTimeoutMS=500");
        TestMailServer.springProperties().forEach((name, value) -> registry.add(name, () -> value));
        createTopics();
    }

    /** The relay creates the topics in production; 6 partitions like there. */
    private static void createTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            for (String topic : List.of(USERS_TOPIC, ORDERS_TOPIC)) {
                createTopic(admin, topic);
            }
        }
    }

    private static void createTopic(Admin admin, String topic) {
        try {
            admin.createTopics(List.of(new NewTopic(topic, 6, (short) 1))).all().get();
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
        return Optional.ofNullable(mongo.getCollection(USERS_COLLECTION).find(Filters.eq("_id", userId)).first());
    }

    protected GetResponse<ObjectNode> searchUser(String userId) {
        try {
            return elasticsearch.get(get -> get.index(USERS_INDEX).id(userId), ObjectNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected double eventsCounted(String projection, String outcome) {
        Counter counter = meters.find("tributary.projection.events")
                .tag("projection", projection).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
