package io.tributary.query.view;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.tributary.query.support.MemoryMongoServer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViewRegistryIT {

    private static MemoryMongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;
    /** The registry's clock, which the tests advance. */
    private final AtomicLong clock = new AtomicLong();

    @BeforeAll
    static void startServer() {
        server = MemoryMongoServer.start();
        client = MongoClients.create(server.uri("registry"));
        mongo = new MongoTemplate(client, "registry");
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @Test
    void followsASwitchOnceItsAnswerIsDueWhileReadsGoOnWithTheOldOne() {
        ViewRegistry registry = new ViewRegistry(mongo, clock::get);
        assertThat(registry.collectionOf("users")).isEqualTo("users_v1");

        mongo.getCollection(ViewRegistry.COLLECTION).insertOne(new Document("_id", "users").append("collection", "users_v2"));
        clock.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(registry.collectionOf("users")).as("the answer is not due yet").isEqualTo("users_v1");

        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(registry.collectionOf("users")).as("due: the read asks the registry").isEqualTo("users_v2");
    }

    @Test
    void keepsItsAnswerWhenTheRegistryCannotBeAskedAgainForAMinuteAtMost() {
        mongo.getCollection(ViewRegistry.COLLECTION).insertOne(new Document("_id", "orders").append("collection", "orders_v4"));
        MongoClient own = MongoClients.create(server.uri("registry"));
        ViewRegistry registry = new ViewRegistry(new MongoTemplate(own, "registry"), clock::get);
        assertThat(registry.collectionOf("orders")).isEqualTo("orders_v4");

        own.close(); // every lookup from now on fails
        clock.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(registry.collectionOf("orders")).as("due, and the lookup failed").isEqualTo("orders_v4");
        clock.addAndGet(Duration.ofSeconds(53).toNanos());
        assertThat(registry.collectionOf("orders")).as("59 s old").isEqualTo("orders_v4");

        clock.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThatThrownBy(() -> registry.collectionOf("orders")).as("61 s old: expired, and asked again")
                .isInstanceOf(IllegalStateException.class);
    }
}
