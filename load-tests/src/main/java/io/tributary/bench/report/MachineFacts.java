package io.tributary.bench.report;

import io.tributary.devstack.LocalStack;
import io.tributary.devstack.ServiceProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Where the benchmark ran and the server settings that decide what its figures mean. */
public final class MachineFacts {

    private static final Pattern ACKS = Pattern.compile("\\backs = (\\S+)");

    private MachineFacts() {
    }

    public static void machine(Map<String, String> into) {
        into.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        into.put("memory", procLine(Path.of("/proc/meminfo"), "MemTotal:").map(line -> "%.1f GiB".formatted(
                Long.parseLong(line.replaceAll("\\D", "")) / 1024.0 / 1024.0)).orElse("unknown"));
        into.put("CPU", procLine(Path.of("/proc/cpuinfo"), "model name").map(line -> line.substring(line.indexOf(':') + 1).strip())
                .orElse("unknown"));
        into.put("JDK (services and load generators)", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        for (String options : new String[] {ServiceProcess.EXTRA_OPTIONS, LocalStack.SERVER_JAVA_OPTIONS}) {
            String value = System.getenv(options);
            if (value != null && !value.isBlank()) {
                // e.g. a quick run's C1-only JIT, or a flight recording: the figures are of that configuration.
                into.put(options, value.strip());
            }
        }
        into.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        into.put("load average at start (1/5/15 min)", read(Path.of("/proc/loadavg")).map(text -> String.join(" / ",
                java.util.Arrays.copyOf(text.split(" "), 3))).orElse("unknown"));
        into.put("co-located", "every server, service and load generator on this one machine");
    }

    public static void postgres(Map<String, String> into, String jdbcUrl, String user, String password) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            for (String setting : new String[] {"server_version", "fsync", "synchronous_commit", "shared_buffers", "max_connections"}) {
                try (ResultSet result = connection.createStatement().executeQuery("SHOW " + setting)) {
                    result.next();
                    into.put("PostgreSQL " + setting, result.getString(1));
                }
            }
        } catch (SQLException e) {
            into.put("PostgreSQL settings", "could not be read: " + e.getMessage());
        }
    }

    /** The relay's producer settings as the Kafka client logged them when the command API started. */
    public static void kafkaProducer(Map<String, String> into, Path commandApiLog) {
        Optional<String> acks = read(commandApiLog).flatMap(log -> {
            Matcher matcher = ACKS.matcher(log);
            return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
        });
        into.put("Kafka producer acks (command API relay)", acks.map(value -> value.equals("-1") ? "all (-1)" : value)
                .orElse("not found in the command API's log"));
    }

    private static Optional<String> procLine(Path file, String prefix) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(prefix)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
