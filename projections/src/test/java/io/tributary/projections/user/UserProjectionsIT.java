package io.tributary.projections.user;

import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.model.Filters;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import io.tributary.projections.ProjectionMetrics;
import io.tributary.projections.ProjectionsIntegrationTest;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.tributary.projections.CloudEventRecords.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class UserProjectionsIT extends ProjectionsIntegrationTest {

    @Autowired
    ProjectionMetrics progress;

    @Test
    void registrationIsProjectedIntoMongoAndElasticsearch() throws IOException {
        String userId = UUID.randomUUID().toString();
        Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        long position = nextPosition();

        String email = "ada." + userId + "@example.com";
        send(event(UserRegistered.class, userId, 1, position, registeredAt,
                "{\"userId\":\"" + userId + "\",\"name\":\"Ada Lovelace\",\"email\":\"" + email + "\"}"));

        await().atMost(TIMEOUT).until(() -> mongoUser(userId).isPresent() && searchUser(userId).found());
        assertThat(mongoUser(userId).orElseThrow()).isEqualTo(new Document(Map.of(
                "_id", userId,
                "userId", userId,
                "name", "Ada Lovelace",
                "email", email,
                "registeredAt", Date.from(registeredAt),
                "version", 1L,
                "position", position)));

        GetResponse<ObjectNode> indexed = searchUser(userId);
        assertThat(indexed.version()).isEqualTo(1);
        assertThat(indexed.source()).isEqualTo(JsonNodeFactory.instance.objectNode()
                .put("userId", userId)
                .put("version", 1)
                .put("name", "Ada Lovelace")
                .put("email", email)
                .put("registeredAt", registeredAt.toString()));

        assertThat(searchThroughAlias("lovelace")).contains(userId);
        assertThat(searchThroughAlias("ada." + userId)).as("simple analyzer splits the address").contains(userId);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(progress.position(UsersMongoProjection.NAME)).isGreaterThanOrEqualTo(position);
            assertThat(progress.position(UsersSearchProjection.NAME)).isGreaterThanOrEqualTo(position);
        });
    }

    @Test
    void aRegistrationThatNamesItsOwnerKeepsTheSubjectForTheReadSide() {
        String userId = UUID.randomUUID().toString();
        send(event(UserRegistered.class, userId, 1, nextPosition(), Instant.now(),
                "{\"userId\":\"" + userId + "\",\"name\":\"Ada Lovelace\",\"email\":\"ada." + userId
                        + "@example.com\",\"subject\":\"kc-ada\"}"));

        await().atMost(TIMEOUT).until(() -> mongoUser(userId).isPresent());
        assertThat(mongoUser(userId).orElseThrow().getString("subject")).isEqualTo("kc-ada");
    }

    @Test
    void viewsAreRegisteredUnderTheirNames() throws IOException {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                mongo.getCollection("view_registry").find(Filters.eq("_id", "users")).first())
                .isEqualTo(new Document("_id", "users").append("collection", "users_v1")));

        assertThat(elasticsearch.indices().getAlias(alias -> alias.name("users")).result())
                .containsOnlyKeys(USERS_INDEX);
        Map<String, Property> mapping = elasticsearch.indices().getMapping(get -> get.index(USERS_INDEX))
                .get(USERS_INDEX).mappings().properties();
        assertThat(mapping.get("userId").isKeyword()).isTrue();
        assertThat(mapping.get("name").text().analyzer()).isEqualTo("standard");
        assertThat(mapping.get("name").text().fields().get("keyword").isKeyword()).isTrue();
        assertThat(mapping.get("email").text().analyzer()).isEqualTo("simple");
        assertThat(mapping.get("email").text().fields().get("keyword").isKeyword()).isTrue();
        assertThat(mapping.get("registeredAt").isDate()).isTrue();
        assertThat(mapping.get("version").isLong()).isTrue();
    }

    @Test
    void laterEventsUpdateTheViews() {
        String userId = UUID.randomUUID().toString();
        Instant registeredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant deactivatedAt = registeredAt.plusSeconds(60);
        send(event(UserRegistered.class, userId, 1, nextPosition(), registeredAt,
                "{\"userId\":\"" + userId + "\",\"name\":\"Grace\",\"email\":\"grace@example.com\"}"));
        send(event(UserProfileChanged.class, userId, 2, nextPosition(), registeredAt.plusSeconds(10),
                "{\"userId\":\"" + userId + "\",\"name\":\"Grace Hopper\",\"age\":85,\"bio\":\"<b>COBOL</b>\"}"));
        send(event(UserEmailChanged.class, userId, 3, nextPosition(), registeredAt.plusSeconds(20),
                "{\"userId\":\"" + userId + "\",\"email\":\"grace.hopper@example.com\"}"));
        long lastPosition = nextPosition();
        send(event(UserDeactivated.class, userId, 4, lastPosition, deactivatedAt,
                "{\"userId\":\"" + userId + "\"}"));

        await().atMost(TIMEOUT).until(() -> mongoUser(userId).map(user -> user.getLong("version") == 4).orElse(false)
                && searchUser(userId).found() && searchUser(userId).version() == 4);

        Document user = mongoUser(userId).orElseThrow();
        assertThat(user.getString("name")).isEqualTo("Grace Hopper");
        assertThat(user.getString("email")).isEqualTo("grace.hopper@example.com");
        assertThat(user.getInteger("age")).isEqualTo(85);
        assertThat(user.getString("bio")).isEqualTo("<b>COBOL</b>");
        assertThat(user.getDate("registeredAt")).isEqualTo(Date.from(registeredAt));
        assertThat(user.getDate("deactivatedAt")).isEqualTo(Date.from(deactivatedAt));
        assertThat(user.getLong("position")).isEqualTo(lastPosition);

        ObjectNode indexed = searchUser(userId).source();
        assertThat(indexed.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(indexed.get("email").asText()).isEqualTo("grace.hopper@example.com");
        assertThat(indexed.get("registeredAt").asText()).isEqualTo(registeredAt.toString());
        assertThat(indexed.get("deactivatedAt").asText()).isEqualTo(deactivatedAt.toString());
        assertThat(indexed.get("version").asLong()).isEqualTo(4);
    }

    @Test
    void redeliveredAndStaleEventsChangeNothing() {
        String userId = UUID.randomUUID().toString();
        Instant time = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        ProducerRecord<String, byte[]> registered = event(UserRegistered.class, userId, 1, nextPosition(), time,
                "{\"userId\":\"" + userId + "\",\"name\":\"Alan\",\"email\":\"alan@example.com\"}");
        ProducerRecord<String, byte[]> renamed = event(UserProfileChanged.class, userId, 2, nextPosition(), time,
                "{\"userId\":\"" + userId + "\",\"name\":\"Alan Turing\",\"age\":41,\"bio\":null}");
        send(registered);
        send(renamed);
        await().atMost(TIMEOUT).until(() -> mongoUser(userId).map(user -> user.getLong("version") == 2).orElse(false)
                && searchUser(userId).found() && searchUser(userId).version() == 2);
        Document mongoBefore = mongoUser(userId).orElseThrow();
        GetResponse<ObjectNode> searchBefore = searchUser(userId);
        double mongoDuplicates = eventsCounted(UsersMongoProjection.NAME, "already-applied");
        double searchDuplicates = eventsCounted(UsersSearchProjection.NAME, "already-applied");

        // Redelivery of both events, and a stale copy of version 2 whose payload differs.
        send(registered);
        send(renamed);
        send(event(UserProfileChanged.class, userId, 2, nextPosition(), time,
                "{\"userId\":\"" + userId + "\",\"name\":\"Mallory Impostor\",\"age\":null,\"bio\":null}"));

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(eventsCounted(UsersMongoProjection.NAME, "already-applied")).isEqualTo(mongoDuplicates + 3);
            assertThat(eventsCounted(UsersSearchProjection.NAME, "already-applied")).isEqualTo(searchDuplicates + 3);
        });
        assertThat(mongoUser(userId)).contains(mongoBefore);
        GetResponse<ObjectNode> searchAfter = searchUser(userId);
        assertThat(searchAfter.version()).isEqualTo(searchBefore.version());
        assertThat(searchAfter.seqNo()).isEqualTo(searchBefore.seqNo());
        assertThat(searchAfter.source()).isEqualTo(searchBefore.source());
    }

    private List<String> searchThroughAlias(String text) throws IOException {
        elasticsearch.indices().refresh(refresh -> refresh.index("users"));
        SearchResponse<ObjectNode> response = elasticsearch.search(search -> search
                .index("users")
                .query(query -> query.multiMatch(match -> match.query(text).fields("name", "email"))),
                ObjectNode.class);
        return response.hits().hits().stream().map(Hit::id).toList();
    }
}
