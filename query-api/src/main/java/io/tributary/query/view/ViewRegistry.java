package io.tributary.query.view;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Which Mongo collection holds a view now. The projections name it in {@code view_registry}
 * ({@code {_id: "users", collection: "users_v1"}}); a rebuild switches the entry, and readers follow it: the first
 * read after {@value #REFRESH_SECONDS} s asks the registry again, and an answer is never used for longer than
 * {@value #EXPIRE_SECONDS} s.
 * <p>
 * The read that finds the answer due asks the registry itself while every other read goes on with the answer it
 * has. Had the answer expired instead, every read of the view would wait for that one lookup: under overload the
 * lookup outlived the store's time limit, and all of them failed together, every five seconds.
 */
@Component
public class ViewRegistry {

    static final String COLLECTION = "view_registry";
    private static final int REFRESH_SECONDS = 5;
    private static final int EXPIRE_SECONDS = 60;

    private final LoadingCache<String, String> active;

    @Autowired
    ViewRegistry(MongoTemplate mongo) {
        this(mongo, Ticker.systemTicker());
    }

    /** @param ticker the clock the answers' ages are read on */
    ViewRegistry(MongoTemplate mongo, Ticker ticker) {
        this.active = Caffeine.newBuilder()
                .ticker(ticker)
                .refreshAfterWrite(Duration.ofSeconds(REFRESH_SECONDS))
                .expireAfterWrite(Duration.ofSeconds(EXPIRE_SECONDS))
                // On the reading thread, inside its store guard; a failed lookup keeps the answer it had.
                .executor(Runnable::run)
                .build(view -> {
                    Document entry = mongo.getCollection(COLLECTION).find(new Document("_id", view)).first();
                    return entry != null && entry.getString("collection") != null
                            ? entry.getString("collection") : view + "_v1";
                });
    }

    /** The active collection of the view; {@code <view>_v1} before the projections registered any. */
    public String collectionOf(String view) {
        return active.get(view);
    }
}
