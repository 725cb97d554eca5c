package io.tributary.query.user;

import io.tributary.query.view.ViewRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.Date;
import java.util.Optional;

/** Reads the {@code users} view in MongoDB by id; the collection comes from the view registry. */
@Component
class UserViews {

    static final String VIEW = "users";

    private final MongoTemplate mongo;
    private final ViewRegistry registry;

    UserViews(MongoTemplate mongo, ViewRegistry registry) {
        this.mongo = mongo;
        this.registry = registry;
    }

    Optional<UserView> find(String id) {
        return Optional.ofNullable(document(id)).map(UserViews::toView);
    }

    /** The aggregate version the view reflects for the user; 0 before its first event arrived. */
    long versionOf(String id) {
        Document document = mongo.getCollection(registry.collectionOf(VIEW))
                .find(new Document("_id", id)).projection(new Document("version", 1)).first();
        return document == null ? 0 : document.get("version", Number.class).longValue();
    }

    private Document document(String id) {
        return mongo.getCollection(registry.collectionOf(VIEW)).find(new Document("_id", id)).first();
    }

    private static UserView toView(Document document) {
        return new UserView(document.getString("_id"), document.getString("name"), document.getString("email"),
                document.getInteger("age"), document.getString("bio"), instant(document.getDate("registeredAt")),
                instant(document.getDate("deactivatedAt")), document.get("version", Number.class).longValue());
    }

    private static java.time.Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
