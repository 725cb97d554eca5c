package io.tributary.devstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The Mongo-protocol server survives a crash as MongoDB does: no write it acknowledged is lost. */
class MongoProtocolServerTest {

    private static final int WRITES = 200;

    /** Killed right after a stream of single writes, as the chaos run kills it while the projections write. */
    @Test
    void aKilledServerRestartsWithEveryAcknowledgedWrite() {
        try (LocalStack stack = LocalStack.start(StackConfig.forTests(EnumSet.of(Server.MONGO)))) {
            try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
                MongoCollection<Document> views = client.getDatabase("tributary").getCollection("acknowledged");
                for (int i = 0; i < WRITES; i++) {
                    views.insertOne(new Document("_id", "d" + i).append("version", 1));
                    views.updateOne(new Document("_id", "d" + i), new Document("$set", new Document("version", 2)));
                }
            }
            stack.kill(Server.MONGO);
            stack.restart(Server.MONGO);
            try (MongoClient client = MongoClients.create(stack.endpoints().mongoUri())) {
                MongoCollection<Document> views = client.getDatabase("tributary").getCollection("acknowledged");
                assertThat(views.countDocuments(new Document("version", 2))).isEqualTo(WRITES);
            }
        }
    }
}
