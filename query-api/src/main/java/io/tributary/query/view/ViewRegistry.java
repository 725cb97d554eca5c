package io.tributary.query.view;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Which Mongo collection holds a view now. The projections name it in {@code view_registry}
 * ({@code {_id: "users", collection: "users_v1"}}); a rebuild switches the entry, and readers follow within
 * the cache period.
 */
@Component
public class ViewRegistry {

    static final String COLLECTION = "view_registry";

    private final MongoTemplate mongo;
    private final Cache<String, String> active = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(5)).build();

    ViewRegistry(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The active collection of the view; {@code <view>_v1} before the projections registered any. */
    public String collectionOf(String view) {
        return active.get(view, name -> {
            Document entry = mongo.getCollection(COLLECTION).find(new Document("_id", name)).first();
            return entry != null && entry.getString("collection") != null ? entry.getString("collection") : name + "_v1";
        });
    }
}
