package io.tributary.bench.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pgbench with one single-row INSERT per transaction into a scratch table of the stack's own PostgreSQL: what the
 * server itself sustains for the smallest durable write, at the same concurrency as the command API.
 */
public final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    private final Path executable;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Path script;

    private PgBench(Path executable, String jdbcUrl, String user, String password, Path script) {
        this.executable = executable;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.script = script;
    }

    /** pgbench if installed, with its scratch table created. */
    public static Optional<PgBench> find(String jdbcUrl, String user, String password, Path workDir) {
        Optional<Path> executable = Command.find("pgbench");
        if (executable.isEmpty()) {
            return Optional.empty();
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            connection.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_insert (id bigserial PRIMARY KEY,"
                    + " payload text NOT NULL, created timestamptz NOT NULL DEFAULT now())");
            Files.createDirectories(workDir);
            Path script = workDir.resolve("pgbench-insert.sql");
            Files.writeString(script, "INSERT INTO bench_insert (payload) VALUES ('{\"name\":\"Bench User\",\"email\":\"bench@example.com\"}');\n");
            return Optional.of(new PgBench(executable.get(), jdbcUrl, user, password, script));
        } catch (SQLException e) {
            throw new Command.ToolFailedException("pgbench table could not be created: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Result insert(int clients, Duration duration) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        String output = Command.run(List.of(executable.toString(), "-n", "-f", script.toString(),
                        "-c", Integer.toString(clients), "-j", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                        "-T", Long.toString(duration.toSeconds()), "-h", uri.getHost(), "-p", Integer.toString(uri.getPort()),
                        "-U", user, database),
                password.isEmpty() ? Map.of() : Map.of("PGPASSWORD", password), duration.plusSeconds(60));
        return new Result(number(TPS, output), number(LATENCY, output));
    }

    private static double number(Pattern pattern, String output) {
        Matcher matcher = pattern.matcher(output);
        if (!matcher.find()) {
            throw new Command.ToolFailedException("pgbench output unreadable: " + output.strip());
        }
        return Double.parseDouble(matcher.group(1));
    }

    public record Result(double transactionsPerSecond, double averageLatencyMillis) {
    }
}
