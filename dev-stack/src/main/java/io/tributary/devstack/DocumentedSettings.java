package io.tributary.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps a service's own settings visible: every {@code tributary.*} property the service declares (Spring Boot's
 * configuration metadata, generated from the {@code @ConfigurationProperties} records) is set in its
 * {@code application.yml}, with a comment, and is a row of its section of {@code docs/configuration.md} whose
 * default is the value in the file; nothing is set or documented that the service does not declare. A property
 * that is a map (such as the rate limits' policies, keyed by name) stands for the entries the file sets under it:
 * each of those is a setting of its own. A service test calls {@link #problems(String)} and expects none.
 */
public final class DocumentedSettings {

    private static final String PREFIX = "tributary.";
    private static final String MAP_TYPE = "java.util.Map<";
    private static final Pattern ROW = Pattern.compile("^\\|\\s*`(tributary\\.[a-z0-9.-]+)`\\s*\\|\\s*`?([^|`]*)`?\\s*\\|\\s*(.*?)\\s*\\|\\s*$");

    private DocumentedSettings() {
    }

    /** @param service the service's section heading in docs/configuration.md, e.g. {@code command-api} */
    public static List<String> problems(String service) {
        Map<String, String> configured = configuredProperties();
        Map<String, String> documented = documentedProperties(service);
        Set<String> commented = commentedKeys();
        List<String> problems = new ArrayList<>();
        Set<String> declared = new TreeSet<>();
        declaredProperties().forEach((property, type) -> {
            if (!type.startsWith(MAP_TYPE)) {
                declared.add(property);
                return;
            }
            List<String> entries = configured.keySet().stream().filter(key -> key.startsWith(property + ".")).toList();
            if (entries.isEmpty()) {
                problems.add(property + " is not set in application.yml");
            }
            declared.addAll(entries);
        });
        for (String property : declared) {
            if (!configured.containsKey(property)) {
                problems.add(property + " is not set in application.yml");
            } else if (!commented.contains(property)) {
                problems.add(property + " has no comment in application.yml");
            }
            if (!documented.containsKey(property)) {
                problems.add(property + " is not in the " + service + " table of docs/configuration.md");
            } else if (configured.containsKey(property) && !documented.get(property).equals(configured.get(property))) {
                problems.add(property + " is documented with default '" + documented.get(property)
                        + "' but application.yml sets '" + configured.get(property) + "'");
            }
        }
        for (String property : configured.keySet()) {
            if (!declared.contains(property)) {
                problems.add(property + " is set in application.yml but the service declares no such property");
            }
        }
        for (String property : documented.keySet()) {
            if (!declared.contains(property)) {
                problems.add(property + " is documented for " + service + " but the service declares no such property");
            }
        }
        return problems;
    }

    /**
     * Name and type of each, across every metadata file on the classpath: the service's own and those of the
     * libraries it uses.
     */
    private static Map<String, String> declaredProperties() {
        try {
            Map<String, String> names = new TreeMap<>();
            for (URL metadata : Collections.list(classLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream json = metadata.openStream()) {
                    for (JsonNode property : new ObjectMapper().readTree(json).path("properties")) {
                        String name = property.path("name").asText();
                        if (name.startsWith(PREFIX)) {
                            names.put(name, property.path("type").asText());
                        }
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> configuredProperties() {
        try (InputStream yml = resource("application.yml")) {
            Map<String, String> flat = new TreeMap<>();
            for (Object document : new Yaml().loadAll(yml)) {
                if (document instanceof Map<?, ?> map) {
                    flatten("", map, flat);
                }
            }
            flat.keySet().removeIf(key -> !key.startsWith(PREFIX));
            return flat;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void flatten(String prefix, Map<?, ?> map, Map<String, String> flat) {
        map.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, flat);
            } else {
                flat.put(name, String.valueOf(value));
            }
        });
    }

    /** Leaf keys of application.yml's {@code tributary:} tree whose own line or the line above is a comment. */
    private static Set<String> commentedKeys() {
        try (InputStream yml = resource("application.yml")) {
            List<String> lines = new String(yml.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            Set<String> commented = new TreeSet<>();
            List<String> path = new ArrayList<>();
            List<Integer> indents = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.equals("---") || !trimmed.contains(":")) {
                    continue;
                }
                int indent = line.indexOf(trimmed);
                while (!indents.isEmpty() && indents.getLast() >= indent) {
                    indents.removeLast();
                    path.removeLast();
                }
                String key = trimmed.substring(0, trimmed.indexOf(':'));
                path.add(key);
                indents.add(indent);
                boolean leaf = !trimmed.substring(trimmed.indexOf(':') + 1).isBlank();
                boolean hasComment = trimmed.contains(" #") || (i > 0 && lines.get(i - 1).strip().startsWith("#"));
                if (leaf && hasComment) {
                    commented.add(String.join(".", path));
                }
            }
            return commented;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> documentedProperties(String service) {
        Path doc = ProjectRoot.find().resolve("docs").resolve("configuration.md");
        try {
            Map<String, String> rows = new TreeMap<>();
            boolean inSection = false;
            for (String line : Files.readAllLines(doc)) {
                if (line.startsWith("## ")) {
                    inSection = line.substring(3).strip().equals(service);
                } else if (inSection) {
                    Matcher row = ROW.matcher(line);
                    if (row.matches() && !row.group(3).isBlank()) {
                        rows.put(row.group(1), row.group(2).strip());
                    }
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream stream = classLoader().getResourceAsStream(name);
        if (stream == null) {
            throw new IOException(name + " is not on the classpath");
        }
        return stream;
    }

    private static ClassLoader classLoader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
