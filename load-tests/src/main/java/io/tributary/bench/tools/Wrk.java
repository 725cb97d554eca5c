package io.tributary.bench.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * wrk, the closed-loop HTTP load tool: a fixed number of connections, each sending its next request when the last
 * one answered. Every script gets the same {@code done} function, which prints the result as one JSON line, and,
 * {@link #as as a caller}, a first line that gives every request the caller's bearer token: scripts send their
 * requests with {@code wrk.headers} (a request's own header table would leave it out).
 */
public final class Wrk {

    private static final String RESULT_MARKER = "WRK_RESULT ";
    /** The token comes through the environment, so that it is in no script file and no command line. */
    private static final String TOKEN_VARIABLE = "TRIBUTARY_TOKEN";
    private static final String AUTHORIZATION = """
            wrk.headers["Authorization"] = "Bearer " .. os.getenv("%s")
            """.formatted(TOKEN_VARIABLE);
    private static final String DONE = """

            function done(summary, latency, requests)
              local errors = summary.errors.connect + summary.errors.read + summary.errors.write
                + summary.errors.status + summary.errors.timeout
              io.write(string.format('%s{"requests":%d,"micros":%d,"p50":%d,"p99":%d,"max":%d,"errors":%d}\\n',
                "WRK_RESULT ", summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
                latency.max, errors))
            end
            """;

    private final Path executable;
    private final Path scripts;
    private final String token;

    private Wrk(Path executable, Path scripts, String token) {
        this.executable = executable;
        this.scripts = scripts;
        this.token = token;
    }

    /** wrk if installed, sending no token; scripts are written into the folder. */
    public static Optional<Wrk> find(Path scripts) {
        return Command.find("wrk").map(path -> new Wrk(path, scripts, null));
    }

    /** The same wrk, every request of its runs carrying this bearer token. */
    public Wrk as(String bearerToken) {
        return new Wrk(executable, scripts, bearerToken);
    }

    /**
     * Runs the Lua script (without {@code done}; it is added) against the URL.
     *
     * @param arguments passed to the script's {@code init(args)}
     */
    public WrkResult run(String name, String script, String url, int connections, Duration duration, String... arguments) {
        Path file = scripts.resolve(name + ".lua");
        try {
            Files.createDirectories(scripts);
            Files.writeString(file, (token == null ? "" : AUTHORIZATION) + script + DONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int threads = Math.min(connections, Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-t", Integer.toString(threads),
                "-c", Integer.toString(connections), "-d", duration.toSeconds() + "s", "--timeout", "10s",
                "-s", file.toString(), url));
        if (arguments.length > 0) {
            command.add("--");
            command.addAll(List.of(arguments));
        }
        String output = Command.run(command, token == null ? Map.of() : Map.of(TOKEN_VARIABLE, token),
                duration.plusSeconds(30));
        return parse(output);
    }

    private static WrkResult parse(String output) {
        String line = output.lines().filter(text -> text.startsWith(RESULT_MARKER)).findFirst()
                .orElseThrow(() -> new Command.ToolFailedException("wrk printed no result: " + output.strip()));
        try {
            JsonNode json = new ObjectMapper().readTree(line.substring(RESULT_MARKER.length()));
            return new WrkResult(json.get("requests").asLong(), json.get("micros").asLong() / 1e6,
                    json.get("p50").asLong() / 1e3, json.get("p99").asLong() / 1e3, json.get("max").asLong() / 1e3,
                    json.get("errors").asLong());
        } catch (IOException e) {
            throw new Command.ToolFailedException("wrk result unreadable: " + line);
        }
    }
}
