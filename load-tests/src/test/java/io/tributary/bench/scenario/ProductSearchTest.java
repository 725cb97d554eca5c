package io.tributary.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSearchTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theBodyLoggedBySlowLogIsSentAsTheQueryApiSentIt() throws Exception {
        // One line of Elasticsearch 8's search slow log: the source is escaped once more inside the JSON string.
        String line = "{\"elasticsearch.slowlog.source\":\"{\\\\\\\"size\\\\\\\":20,\\\\\\\"query\\\\\\\":{\\\\\\\"match\\\\\\\":"
                + "{\\\\\\\"name\\\\\\\":\\\\\\\"headphones\\\\\\\"}}}\"}";
        String logged = json.readTree(line).path("elasticsearch.slowlog.source").asText();

        String body = ProductSearch.slowLogSource(json, logged);

        JsonNode parsed = json.readTree(body);
        assertThat(parsed.path("size").asInt()).isEqualTo(20);
        assertThat(parsed.path("query").path("match").path("name").asText()).isEqualTo("headphones");
    }

    @Test
    void aBodyLoggedWithoutTheExtraEscapingIsKept() throws Exception {
        assertThat(ProductSearch.slowLogSource(json, "{\"size\":20}")).isEqualTo("{\"size\":20}");
    }
}
