package io.tributary.projections.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code ./tributary views …}: the operators' client of the projections service's {@code views} endpoint, to see
 * the views' versions and to rebuild, repair, roll back, prune and verify them. A plain program without a Spring
 * context, run from the service's jar against the running service.
 */
public final class ViewsCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    /** The environment variable with the bearer token the CLI sends: the views endpoint is for admins. */
    static final String TOKEN_VARIABLE = "TRIBUTARY_TOKEN";

    static final String USAGE_TEXT = """
            usage: ./tributary views [--url <url>] <command>
              status                     every view: store, versions, position, lag, the rebuild in progress
              rebuild <view> | --all     build a new version from the event store and switch to it
              rebuild <view> --id <id>   rebuild one aggregate's document in every version of the view
              rollback <view>            switch back to the previous version
              prune <view>               drop the versions no longer needed
              verify <view> | --all      compare with a fresh fold of the event store (exit 1 on a difference)
            <url> defaults to $TRIBUTARY_PROJECTIONS_URL, else http://localhost:8083 (+ $TRIBUTARY_PORT_OFFSET).
            $TRIBUTARY_TOKEN, when set, is sent as the bearer token: a secured service wants an admin's access token.
            """;

    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private final Duration pollInterval;

    ViewsCli(Map<String, String> env, PrintStream out, PrintStream err, boolean terminal, Duration pollInterval) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.pollInterval = pollInterval;
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(new ViewsCli(System.getenv(), System.out, System.err, System.console() != null, POLL_INTERVAL)
                .run(args));
    }

    int run(String... args) throws InterruptedException {
        Optional<Arguments> parsed = Arguments.parse(args);
        if (parsed.isEmpty()) {
            err.print(USAGE_TEXT);
            return USAGE;
        }
        Arguments arguments = parsed.get();
        String baseUrl;
        try {
            baseUrl = baseUrl(arguments.url(), env);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        try (ViewsClient client = new ViewsClient(baseUrl, token(env))) {
            return switch (arguments.command()) {
                case STATUS -> status(client);
                case REBUILD -> arguments.id() != null ? repair(client, arguments.view(), arguments.id())
                        : rebuild(client, views(client, arguments));
                case ROLLBACK -> rollback(client, arguments.view());
                case PRUNE -> prune(client, arguments.view());
                case VERIFY -> verify(client, views(client, arguments));
            };
        } catch (ViewsClient.ActionRefusedException | ViewsClient.NotAllowedException
                 | ViewsClient.ServiceUnreachableException e) {
            err.println(e.getMessage());
            return FAILED;
        }
    }

    /** {@code --url}, else {@code TRIBUTARY_PROJECTIONS_URL}, else the local run's port, shifted as all its ports. */
    static String baseUrl(String option, Map<String, String> env) {
        String url = option != null ? option : env.get("TRIBUTARY_PROJECTIONS_URL");
        if (url == null || url.isBlank()) {
            String offset = env.getOrDefault("TRIBUTARY_PORT_OFFSET", "").strip();
            try {
                url = "http://localhost:" + (8083 + (offset.isEmpty() ? 0 : Integer.parseInt(offset)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("TRIBUTARY_PORT_OFFSET must be a number, not " + offset);
            }
        }
        String scheme = URI.create(url).getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("the projections service's URL must be http(s)://…, not " + url);
        }
        return url.replaceAll("/+$", "");
    }

    /** {@code TRIBUTARY_TOKEN}, else null: an open service (the local run without security) needs none. */
    static String token(Map<String, String> env) {
        String token = env.get(TOKEN_VARIABLE);
        return token == null || token.isBlank() ? null : token.strip();
    }

    private int status(ViewsClient client) throws InterruptedException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("VIEW", "STORE", "ACTIVE", "PREVIOUS", "VERSIONS", "POSITION", "BEHIND", "REBUILD"));
        for (ViewReport view : client.views()) {
            rows.add(List.of(orDash(view.name()), orDash(view.store()), "v" + view.active(), version(view.previous()),
                    view.versions().stream().map(ViewsCli::version).collect(Collectors.joining(" ")),
                    String.format(Locale.ROOT, "%,d", view.position()),
                    view.eventsBehind() == null || view.eventsBehind() < 0 ? "?"
                            : String.format(Locale.ROOT, "%,d", view.eventsBehind()),
                    view.rebuild() == null ? "-" : ProgressDisplay.summary(view.rebuild())));
        }
        printTable(rows);
        return OK;
    }

    private int rebuild(ViewsClient client, List<String> views) throws InterruptedException {
        Map<String, ViewReport.Rebuild> started = new LinkedHashMap<>();
        boolean allStarted = true;
        for (String view : views) {
            try {
                ViewReport status = client.rebuild(view);
                if (status.rebuild() == null) {
                    err.println(view + ": the service answered without a rebuild in progress");
                    allStarted = false;
                } else {
                    started.put(view, status.rebuild());
                }
            } catch (ViewsClient.ActionRefusedException e) {
                err.println(e.getMessage());
                allStarted = false;
            }
        }
        boolean allSwitched = new ProgressDisplay(client, out, err, terminal, pollInterval).follow(started);
        return allStarted && allSwitched ? OK : FAILED;
    }

    private int repair(ViewsClient client, String view, String id) throws InterruptedException {
        JsonNode repaired = client.repair(view, id);
        List<String> versions = new ArrayList<>();
        repaired.path("versions").forEach(version -> versions.add("v" + version.asInt()));
        out.printf(Locale.ROOT, "repaired %s in %s %s from %,d events%n", repaired.path("id").asText(id),
                repaired.path("view").asText(view), String.join(", ", versions), repaired.path("events").asLong());
        return OK;
    }

    private int rollback(ViewsClient client, String view) throws InterruptedException {
        ViewReport status = client.rollback(view);
        out.println(view + ": active v" + status.active() + ", previous " + version(status.previous()));
        return OK;
    }

    private int prune(ViewsClient client, String view) throws InterruptedException {
        List<String> dropped = new ArrayList<>();
        client.prune(view).path("dropped").forEach(version -> dropped.add("v" + version.asInt()));
        out.println(view + ": " + (dropped.isEmpty() ? "nothing to prune" : "dropped " + String.join(", ", dropped)));
        return OK;
    }

    private int verify(ViewsClient client, List<String> views) throws InterruptedException {
        boolean allConsistent = true;
        for (String view : views) {
            try {
                JsonNode report = client.verify(view);
                boolean consistent = report.path("consistent").asBoolean(false);
                out.printf(Locale.ROOT, "%s: %,d documents, %s%n", view, report.path("documents").asLong(),
                        consistent ? "consistent" : String.format(Locale.ROOT,
                                "%,d missing, %,d unexpected, %,d behind, %,d different",
                                report.path("missing").asLong(), report.path("unexpected").asLong(),
                                report.path("behind").asLong(), report.path("different").asLong()));
                report.path("examples").forEach(example -> out.println("  " + example.asText()));
                allConsistent &= consistent;
            } catch (ViewsClient.ActionRefusedException e) {
                err.println(e.getMessage());
                allConsistent = false;
            }
        }
        return allConsistent ? OK : FAILED;
    }

    private static List<String> views(ViewsClient client, Arguments arguments) throws InterruptedException {
        return arguments.all() ? client.views().stream().map(ViewReport::name).toList() : List.of(arguments.view());
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String version(Integer version) {
        return version == null ? "-" : "v" + version;
    }

    private void printTable(List<List<String>> rows) {
        int[] widths = new int[rows.getFirst().size()];
        rows.forEach(row -> {
            for (int column = 0; column < widths.length; column++) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        });
        rows.forEach(row -> {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < widths.length - 1; column++) {
                line.append(String.format("%-" + (widths[column] + 2) + "s", row.get(column)));
            }
            out.println(line.append(row.getLast()));
        });
    }

    enum Command { STATUS, REBUILD, ROLLBACK, PRUNE, VERIFY }

    /**
     * A command line that makes sense: one command, and a view or {@code --all} where the command takes them.
     *
     * @param view null with {@code --all} and for {@code status}
     * @param id   the aggregate to repair, only with {@code rebuild <view>}
     */
    record Arguments(Command command, String view, boolean all, String id, String url) {

        static Optional<Arguments> parse(String... args) {
            List<String> words = new ArrayList<>();
            String url = null;
            String id = null;
            boolean all = false;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> {
                        if (++i == args.length) {
                            return Optional.empty();
                        }
                        url = args[i];
                    }
                    case "--id" -> {
                        if (++i == args.length) {
                            return Optional.empty();
                        }
                        id = args[i];
                    }
                    case "--all" -> all = true;
                    default -> {
                        if (args[i].startsWith("-")) {
                            return Optional.empty();
                        }
                        words.add(args[i]);
                    }
                }
            }
            if (words.isEmpty() || words.size() > 2) {
                return Optional.empty();
            }
            Command command;
            try {
                command = Command.valueOf(words.getFirst().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            String view = words.size() == 2 ? words.get(1) : null;
            boolean oneOrAll = (view != null) != all;
            boolean valid = switch (command) {
                case STATUS -> view == null && !all && id == null;
                case REBUILD -> oneOrAll && (id == null || view != null);
                case VERIFY -> oneOrAll && id == null;
                case ROLLBACK, PRUNE -> view != null && !all && id == null;
            };
            return valid ? Optional.of(new Arguments(command, view, all, id, url)) : Optional.empty();
        }
    }
}
