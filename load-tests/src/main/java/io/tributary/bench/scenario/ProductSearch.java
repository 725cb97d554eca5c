package io.tributary.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.bench.data.Catalogue;
import io.tributary.bench.report.Figure;
import io.tributary.bench.report.Section;
import io.tributary.bench.tools.Wrk;
import io.tributary.bench.tools.WrkResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Scenario 6: {@code GET /products?q=<word>} (text, facets, highlights) over the loaded catalogue, next to the very
 * request body the query API sent to Elasticsearch, sent straight to it. The body is captured from Elasticsearch's
 * search slow log (threshold 0 for one request), so the baseline follows whatever the query API asks.
 */
public final class ProductSearch {

    private static final int CONNECTIONS = 8;
    private static final String PROBE_WORD = "headphones";

    private final BenchContext context;

    public ProductSearch(BenchContext context) {
        this.context = context;
    }

    public void run(Section section) {
        Optional<Wrk> installed = context.wrkOrSkip(section);
        if (installed.isEmpty()) {
            return;
        }
        Wrk wrk = installed.get();
        List<String> words = Catalogue.searchWords();
        Path paths = write("search-paths.txt", words.stream().map(word -> "/api/v1/products?q=" + word).toList());
        Wrk asAdmin = wrk.as(context.system().adminToken());
        String url = context.system().endpoints().elasticsearchUrl() + "/products/_search";
        // Both paths warm up before either is measured: Elasticsearch compiles its search code under the first load,
        // so the path measured first met a colder server. Measured once each: the query API's searches per second
        // rose from 14 to 83 over its first 20 s, and Elasticsearch alone, just started, from 94 to over 400 over 40 s.
        Duration round = context.scale().warmUp();
        SettlingWarmUp apiWarmUp = SettlingWarmUp.run(round, () -> asAdmin.run("product-search", WrkScripts.GET_PATHS,
                context.queryApi(), CONNECTIONS, round, paths.toString()).perSecond());
        Optional<String> body = capturedBody(section);
        Optional<Path> bodies = body.map(captured -> write("search-bodies.txt",
                words.stream().map(word -> captured.replace(PROBE_WORD, word)).toList()));
        Optional<SettlingWarmUp> directWarmUp = bodies.map(direct -> SettlingWarmUp.run(round, () -> wrk.run(
                "es-search", WrkScripts.POST_BODIES, url, CONNECTIONS, round, direct.toString()).perSecond()));
        WrkResult search = asAdmin.run("product-search", WrkScripts.GET_PATHS, context.queryApi(), CONNECTIONS,
                context.scale().step(), paths.toString());
        Figure figure = Figure.of("GET /products?q=<word>, " + CONNECTIONS + " connections, " + words.size() + " words in turn",
                search.perSecond(), "req/s", search.latencies());
        if (bodies.isEmpty()) {
            section.add(figure.against("the same body straight to Elasticsearch (not captured)", Double.NaN));
            return;
        }
        WrkResult direct = wrk.run("es-search", WrkScripts.POST_BODIES, url, CONNECTIONS, context.scale().step(),
                bodies.get().toString());
        section.add(figure.against("the same body straight to Elasticsearch (" + direct.latencies() + ")", direct.perSecond()));
        section.note("Both warmed up before either was measured: the query API in " + apiWarmUp.describe()
                + ", Elasticsearch in " + directWarmUp.orElseThrow().describe() + ".");
        section.note("Elasticsearch body as the query API sent it for q=" + PROBE_WORD + ": `" + body.get() + "`");
    }

    /** Turns on the search slow log of the products index for one query-API request and reads the body back. */
    private Optional<String> capturedBody(Section section) {
        String settings = context.system().endpoints().elasticsearchUrl() + "/products/_settings";
        try {
            context.api().anonymous().put(settings, "{\"index.search.slowlog.threshold.query.trace\":\"0ms\"}")
                    .orThrow("slow log on");
            context.api().get(context.queryApi() + "/api/v1/products?q=" + PROBE_WORD).orThrow("product search");
            for (int attempt = 0; attempt < 20; attempt++) {
                Optional<String> body = lastLoggedSource();
                if (body.isPresent()) {
                    return body;
                }
                Thread.sleep(250);
            }
            section.note("The query API's Elasticsearch body was not found in the slow log: no direct baseline.");
            return Optional.empty();
        } catch (RuntimeException e) {
            section.note("Capturing the query API's Elasticsearch body failed: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            context.api().anonymous().put(settings, "{\"index.search.slowlog.threshold.query.trace\":null}");
        }
    }

    private Optional<String> lastLoggedSource() {
        Path logs = context.system().home().resolve("elasticsearch").resolve("logs");
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
            List<Path> slowLogs = files.filter(file -> file.getFileName().toString().endsWith("_index_search_slowlog.json")).toList();
            String found = null;
            for (Path file : slowLogs) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode entry = json.readTree(line);
                    String source = slowLogSource(json, entry.path("elasticsearch.slowlog.source").asText(""));
                    // The longest body naming the word is the search itself (not a count or suggestion beside it).
                    if (source.contains(PROBE_WORD) && (found == null || source.length() > found.length())) {
                        found = source;
                    }
                }
            }
            return Optional.ofNullable(found);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Elasticsearch escapes the body's quotes once more inside the slow log's JSON string: undo that. */
    static String slowLogSource(ObjectMapper json, String logged) throws IOException {
        return logged.startsWith("{\\\"") ? json.readValue('"' + logged + '"', String.class) : logged;
    }

    private Path write(String name, List<String> lines) {
        try {
            Files.createDirectories(context.work());
            return Files.write(context.work().resolve(name), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
