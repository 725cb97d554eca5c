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
 * one answered. Every script gets the same {@code done} function, which prints the result as one JSON line.
 */
public final class Wrk {

    private static final String RESULT_MARKER = "WRK_RESULT ";
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

    private Wrk(Path executable, Path scripts) {
        this.executable = executable;
        this.scripts = scripts;
    }

    /** wrk if installed; scripts are written into the folder. */
    public static Optional<Wrk> find(Path scripts) {
        return Command.find("wrk").map(path -> new Wrk(path, scripts));
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
            Files.writeString(file, script + DONE);
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
        String output = Command.run(command, Map.of(), duration.plusSeconds(30));
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
