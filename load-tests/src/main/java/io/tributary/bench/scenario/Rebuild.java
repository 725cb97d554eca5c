package io.tributary.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.Api;
import io.tributary.bench.system.BenchSystem;
import io.tributary.devstack.StackEndpoints;
import org.bson.Document;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scenario 8: rebuilding a view from the event store. Appends synthetic user streams (a registration and three
 * profile changes each) straight to the event store with the command API stopped, then rebuilds the users view in
 * MongoDB and in Elasticsearch, one after the other, through the projections' {@code views} endpoint. The baseline
 * is the raw bulk-write rate of the very documents the rebuild produced, into a scratch collection or index of the
 * same store ({@code insertMany}; {@code _bulk} with external versions), in the same run.
 */
public final class Rebuild {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int BATCH = 1_000;

    private final BenchContext context;
    private final Api api;
    /** Elasticsearch's own API, for the baseline: no token, as before the services had any. */
    private final Api elasticsearch;

    public Rebuild(BenchContext context) {
        this.context = context;
        this.api = context.api();
        this.elasticsearch = context.api().anonymous();
    }

    /** @param events how many events to rebuild from (rounded down to whole users) */
    public void run(Section section, int events) {
        BenchSystem system = context.system();
        StackEndpoints endpoints = system.endpoints();
        String templateUser = SyntheticUserEvents.templateUser(api, context.commandApi(),
                "rebuild-" + context.runTag() + "@example.com");
        system.stopService(BenchSystem.COMMAND_API);
        int users = events / SyntheticUserEvents.EVENTS_PER_USER;
        long started = System.nanoTime();
        String idPrefix = "rebuild-" + context.runTag();
        long appended = SyntheticUserEvents.append(endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                endpoints.postgresPassword(), templateUser, users, idPrefix);
        section.note(String.format(Locale.ROOT, "%,d synthetic user events (%,d users × 4) appended to the event store "
                        + "in %.0f s, with the command API stopped so that the relay does not publish them; the live "
                        + "views never see them, the rebuilt versions do.", appended, users,
                (System.nanoTime() - started) / 1e9));

        JsonNode mongo = rebuild("users-mongo-view", section);
        double mongoRaw = mongoInsertMany(endpoints.mongoUri(), "users_v" + mongo.get("version").asInt(), idPrefix,
                users);
        add(section, "users-mongo-view", mongo, "insertMany of its documents", mongoRaw);

        JsonNode search = rebuild("users-search-index", section);
        double searchRaw = elasticsearchBulk(endpoints.elasticsearchUrl(), "users_v" + search.get("version").asInt());
        add(section, "users-search-index", search, "_bulk of its documents", searchRaw);

        system.pid(BenchSystem.PROJECTIONS).map(pid -> Memory.processMegabytes(pid, "VmHWM")).ifPresent(peak ->
                section.add(Figure.of("projections peak RSS (whole run, rebuilds included)", peak, "MB",
                        "the service runs with -Xmx384m; the rebuilds completed within that heap")));
    }

    private void add(Section section, String view, JsonNode last, String baseline, double documentsPerSecond) {
        double seconds = Duration.between(Instant.parse(last.get("startedAt").asText()),
                Instant.parse(last.get("finishedAt").asText())).toMillis() / 1000.0;
        section.add(Figure.of(view + " rebuild, filling", last.get("eventsPerSecond").asDouble(), "events/s",
                        String.format(Locale.ROOT, "%,d events; %.0f s from start to switch, verification included",
                                last.get("events").asLong(), seconds))
                .against(baseline + " (documents/s)", documentsPerSecond));
    }

    /** Starts a rebuild and waits until it switched; returns the view's {@code lastRebuild}. */
    private JsonNode rebuild(String view, Section section) {
        String url = context.system().url(BenchSystem.PROJECTIONS) + "/actuator/views/" + view;
        JsonNode started = api.post(url, "{\"action\":\"rebuild\"}").orThrow("start the rebuild of " + view).json();
        int version = started.get("rebuild").get("version").asInt();
        System.out.printf(Locale.ROOT, "8. Rebuilding %s into v%d...%n", view, version);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Api.Answer answer = api.get(url);
            if (!answer.ok()) {
                // The local Mongo-protocol server answers nothing while it runs a long command; ask again.
                System.out.println("8. The status of " + view + " did not come (" + answer.status() + "); asking again");
                Pause.sleep(POLL);
                continue;
            }
            JsonNode status = answer.json();
            JsonNode rebuild = status.path("rebuild");
            if (rebuild.path("phase").asText().equals("failed")) {
                throw new IllegalStateException("the rebuild of " + view + " failed: " + rebuild.path("message"));
            }
            JsonNode last = status.path("lastRebuild");
            if (rebuild.isNull() && last.path("version").asInt() == version) {
                return last;
            }
            Pause.sleep(POLL);
        }
        section.note("The rebuild of " + view + " did not finish within " + TIMEOUT.toMinutes() + " minutes.");
        throw new IllegalStateException("rebuild of " + view + " timed out");
    }

    /**
     * Documents per second: the rebuilt documents written again with insertMany into a scratch collection. They are
     * read by id, a batch at a time: the Mongo-protocol server would hold a whole collection scan in memory.
     */
    private static double mongoInsertMany(String mongoUri, String collectionName, String idPrefix, int users) {
        try (MongoClient client = MongoClients.create(mongoUri)) {
            String database = mongoUri.substring(mongoUri.lastIndexOf('/') + 1).split("\\?")[0];
            MongoCollection<Document> source = client.getDatabase(database).getCollection(collectionName);
            MongoCollection<Document> target = client.getDatabase("bench_baseline").getCollection("rebuild_raw");
            target.drop();
            long writing = 0;
            long documents = 0;
            for (int first = 1; first <= users; first += BATCH) {
                List<String> ids = new ArrayList<>(BATCH);
                for (int user = first; user < first + BATCH && user <= users; user++) {
                    ids.add(idPrefix + "-" + user);
                }
                List<Document> batch = source.find(Filters.in("_id", ids)).into(new ArrayList<>(BATCH));
                long started = System.nanoTime();
                target.insertMany(batch, new InsertManyOptions().ordered(false));
                writing += System.nanoTime() - started;
                documents += batch.size();
            }
            target.drop();
            return documents / (writing / 1e9);
        }
    }

    /** Documents per second: the index's documents written again with _bulk into a scratch index, refresh included. */
    private double elasticsearchBulk(String elasticsearchUrl, String index) {
        String scratch = elasticsearchUrl + "/bench-rebuild-raw";
        elasticsearch.delete(scratch);
        JsonNode mapping = elasticsearch.get(elasticsearchUrl + "/" + index + "/_mapping").orThrow("mapping of " + index)
                .json().get(index).get("mappings");
        elasticsearch.put(scratch, "{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},\"mappings\":"
                + mapping + "}").orThrow("create the scratch index");
        long writing = 0;
        long documents = 0;
        String after = null;
        while (true) {
            String page = "{\"size\":" + BATCH + ",\"version\":true,\"sort\":[{\"userId\":\"asc\"}]"
                    + (after == null ? "" : ",\"search_after\":[" + after + "]") + "}";
            JsonNode hits = elasticsearch.post(elasticsearchUrl + "/" + index + "/_search", page).orThrow("read " + index)
                    .json().path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                bulk.append("{\"index\":{\"_id\":").append(hit.get("_id")).append(",\"version\":")
                        .append(hit.get("_version")).append(",\"version_type\":\"external\"}}\n")
                        .append(hit.get("_source")).append('\n');
            }
            long started = System.nanoTime();
            Api.Answer answer = elasticsearch.postNdjson(scratch + "/_bulk", bulk.toString())
                    .orThrow("Elasticsearch _bulk");
            writing += System.nanoTime() - started;
            if (answer.json().path("errors").asBoolean()) {
                throw new IllegalStateException("_bulk reported errors: " + answer.body().substring(0, 500));
            }
            documents += hits.size();
            after = hits.get(hits.size() - 1).get("sort").get(0).toString();
        }
        long started = System.nanoTime();
        elasticsearch.post(scratch + "/_refresh", "").orThrow("Elasticsearch _refresh");
        writing += System.nanoTime() - started;
        elasticsearch.delete(scratch);
        return documents / (writing / 1e9);
    }
}
