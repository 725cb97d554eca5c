package io.tributary.bench.scenario;

import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.system.BenchSystem;
import io.tributary.bench.system.ViewLag;
import io.tributary.devstack.StackEndpoints;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * A backlog for the catch-up scenario alone ({@code --catch-up}), built in seconds rather than through the command
 * API: synthetic user streams (a registration and three profile changes each) appended straight to the event store
 * while the command API and the projections are stopped, then published by the command API's relay when it starts
 * again. The relay's rate is a figure of its own. The views, and the welcome e-mails, then work the backlog off.
 */
public final class SyntheticBacklog {

    private static final Duration RELAY_LIMIT = Duration.ofMinutes(20);
    /** The users' topic, as the command API publishes it, and the two views made from it. */
    static final String USERS_TOPIC = "tributary.users";
    static final List<String> USERS_VIEWS = List.of("users-mongo-view", "users-search-index");

    private final BenchContext context;

    public SyntheticBacklog(BenchContext context) {
        this.context = context;
    }

    /** @return the events appended and published */
    public long build(Section section, int users) {
        BenchSystem system = context.system();
        StackEndpoints endpoints = system.endpoints();
        String template = SyntheticUserEvents.templateUser(context.api(), context.commandApi(),
                "catch-up-" + context.runTag() + "@example.com");
        waitForTheTemplate();
        system.stopService(BenchSystem.PROJECTIONS);
        system.stopService(BenchSystem.COMMAND_API);
        long appended = SyntheticUserEvents.append(endpoints.postgresJdbcUrl(), endpoints.postgresUser(),
                endpoints.postgresPassword(), template, users, "backlog-" + context.runTag());
        long before = context.lag().records(USERS_TOPIC);
        long started = System.nanoTime();
        system.startService(BenchSystem.COMMAND_API);
        long deadline = started + RELAY_LIMIT.toNanos();
        long published = 0;
        while (published < appended && System.nanoTime() < deadline) {
            Pause.sleep(Duration.ofMillis(200));
            published = context.lag().records(USERS_TOPIC) - before;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        section.add(Figure.of("relay: event store to Kafka, start of the command API included", published / seconds,
                "events/s", String.format(Locale.ROOT, "%,d of %,d events in %.1f s", published, appended, seconds)));
        section.note(String.format(Locale.ROOT, "Backlog: %,d synthetic users (a registration and three profile changes "
                + "each) appended to the event store with the command API and the projections stopped, then published "
                + "by the relay; %,d welcome e-mails are due.", users, users));
        if (published < appended) {
            throw new IllegalStateException("the relay published " + published + " of " + appended + " events");
        }
        return appended;
    }

    /** Until the users' views committed the template's events, so that their consumer groups know the topic. */
    private void waitForTheTemplate() {
        long records = context.lag().records(USERS_TOPIC);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, ViewLag.Progress> views = context.lag().now();
            if (USERS_VIEWS.stream().allMatch(view -> views.containsKey(view) && views.get(view).processed() >= records)) {
                return;
            }
            Pause.sleep(Duration.ofMillis(200));
        }
        throw new IllegalStateException("the users' views did not apply the template user within 60 s");
    }
}
