package io.tributary.projections.rebuild;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import io.tributary.projections.view.MongoFailures;
import org.bson.Document;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The {@code view_versions} collection: one {@link ViewState} per view, changed only by compare-and-set on its
 * revision, so two instances (two rebuilds, a rebuild and a rollback) can never both change it from the same state:
 * one wins, the other sees {@link #replace} refuse and re-reads.
 */
public class ViewStates {

    static final String COLLECTION = "view_versions";

    private final MongoCollection<Document> states;

    public ViewStates(MongoDatabase database) {
        this.states = database.getCollection(COLLECTION);
    }

    /** Records {@code version} as the active and only version of a view that has no state yet. */
    public void initializeIfAbsent(String name, int version) {
        try {
            states.insertOne(toDocument(ViewState.initial(name, version)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw MongoFailures.translate(e, "record the versions of " + name);
            }
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "record the versions of " + name);
        }
    }

    public Optional<ViewState> get(String name) {
        try {
            return Optional.ofNullable(states.find(Filters.eq("_id", name)).first()).map(ViewStates::fromDocument);
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "read the versions of " + name);
        }
    }

    /**
     * Replaces {@code current} with {@code next} if nobody changed it since {@code current} was read.
     *
     * @return the stored state, or empty when another change came first
     */
    public Optional<ViewState> replace(ViewState current, ViewState next) {
        ViewState stored = new ViewState(current.name(), current.revision() + 1, next.active(), next.previous(),
                next.versions(), next.rebuild(), next.lastRebuild());
        try {
            long matched = states.replaceOne(
                    Filters.and(Filters.eq("_id", current.name()), Filters.eq("revision", current.revision())),
                    toDocument(stored), new ReplaceOptions().upsert(false)).getMatchedCount();
            return matched == 1 ? Optional.of(stored) : Optional.empty();
        } catch (MongoException e) {
            throw MongoFailures.translate(e, "change the versions of " + current.name());
        }
    }

    static Document toDocument(ViewState state) {
        Document document = new Document("_id", state.name())
                .append("revision", state.revision())
                .append("active", state.active())
                .append("previous", state.previous())
                .append("versions", state.versions());
        ViewState.Rebuild rebuild = state.rebuild();
        if (rebuild != null) {
            document.append("rebuild", new Document("version", rebuild.version())
                    .append("phase", rebuild.phase().name())
                    .append("owner", rebuild.owner())
                    .append("leaseUntil", Date.from(rebuild.leaseUntil()))
                    .append("position", rebuild.position())
                    .append("head", rebuild.head())
                    .append("holes", rebuild.holes())
                    .append("done", rebuild.done())
                    .append("total", rebuild.total())
                    .append("startedAt", Date.from(rebuild.startedAt()))
                    .append("eventsPerSecond", rebuild.eventsPerSecond())
                    .append("resumes", rebuild.resumes())
                    .append("message", rebuild.message()));
        }
        ViewState.LastRebuild last = state.lastRebuild();
        if (last != null) {
            document.append("lastRebuild", new Document("version", last.version())
                    .append("events", last.events())
                    .append("eventsPerSecond", last.eventsPerSecond())
                    .append("resumes", last.resumes())
                    .append("startedAt", Date.from(last.startedAt()))
                    .append("finishedAt", Date.from(last.finishedAt())));
        }
        return document;
    }

    static ViewState fromDocument(Document document) {
        Document rebuild = document.get("rebuild", Document.class);
        Document last = document.get("lastRebuild", Document.class);
        return new ViewState(document.getString("_id"),
                document.get("revision", Number.class).longValue(),
                document.getInteger("active"),
                document.getInteger("previous"),
                document.getList("versions", Integer.class),
                rebuild == null ? null : new ViewState.Rebuild(
                        rebuild.getInteger("version"),
                        RebuildPhase.valueOf(rebuild.getString("phase")),
                        rebuild.getString("owner"),
                        rebuild.getDate("leaseUntil").toInstant(),
                        rebuild.get("position", Number.class).longValue(),
                        rebuild.get("head", Number.class).longValue(),
                        longs(rebuild.getList("holes", Number.class)),
                        rebuild.get("done", Number.class).longValue(),
                        rebuild.get("total", Number.class).longValue(),
                        rebuild.getDate("startedAt").toInstant(),
                        rebuild.get("eventsPerSecond", Number.class).doubleValue(),
                        rebuild.getInteger("resumes", 0),
                        rebuild.getString("message")),
                last == null ? null : new ViewState.LastRebuild(
                        last.getInteger("version"),
                        last.get("events", Number.class).longValue(),
                        last.get("eventsPerSecond", Number.class).doubleValue(),
                        last.getInteger("resumes", 0),
                        last.getDate("startedAt").toInstant(),
                        last.getDate("finishedAt").toInstant()));
    }

    private static List<Long> longs(List<Number> numbers) {
        List<Long> longs = new ArrayList<>(numbers.size());
        numbers.forEach(number -> longs.add(number.longValue()));
        return longs;
    }
}
