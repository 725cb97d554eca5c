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

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ViewRegistryIT {

    private static MemoryMongoServer server;
    private static MongoClient client;
    private static MongoTemplate mongo;

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
        ViewRegistry registry = new ViewRegistry(mongo);
        assertThat(registry.collectionOf("users")).isEqualTo("users_v1");

        mongo.getCollection(ViewRegistry.COLLECTION).insertOne(new Document("_id", "users").append("collection", "users_v2"));
        assertThat(registry.collectionOf("users")).as("the answer is not due yet").isEqualTo("users_v1");

        long switched = System.nanoTime();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> registry.collectionOf("users").equals("users_v2"));
        assertThat(Duration.ofNanos(System.nanoTime() - switched)).isLessThan(Duration.ofSeconds(7));
    }

    @Test
    void keepsItsAnswerWhenTheRegistryCannotBeAskedAgain() {
        mongo.getCollection(ViewRegistry.COLLECTION).insertOne(new Document("_id", "orders").append("collection", "orders_v4"));
        MongoClient own = MongoClients.create(server.uri("registry"));
        ViewRegistry registry = new ViewRegistry(new MongoTemplate(own, "registry"));
        assertThat(registry.collectionOf("orders")).isEqualTo("orders_v4");

        own.close(); // every lookup from now on fails
        await().pollDelay(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(registry.collectionOf("orders")).isEqualTo("orders_v4"));
        assertThat(registry.collectionOf("orders")).isEqualTo("orders_v4");
    }
}
