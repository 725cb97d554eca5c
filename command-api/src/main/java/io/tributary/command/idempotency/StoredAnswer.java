package io.tributary.command.idempotency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The first answer given to a request with an Idempotency-Key: what a retry receives again. */
record StoredAnswer(String fingerprint, int status, Map<String, String> headers, byte[] body) {

    /** The response headers worth replaying; the rest are per-connection. */
    static final List<String> REPLAYED_HEADERS =
            List.of("Content-Type", "Location", "ETag", "Consistency-Token", "Cache-Control");

    String headersAsText() {
        return headers.entrySet().stream()
                .map(header -> header.getKey() + ": " + header.getValue())
                .collect(Collectors.joining("\n"));
    }

    static Map<String, String> headersFromText(String text) {
        Map<String, String> headers = new LinkedHashMap<>();
        text.lines().filter(line -> line.contains(": ")).forEach(line -> {
            int separator = line.indexOf(": ");
            headers.put(line.substring(0, separator), line.substring(separator + 2));
        });
        return headers;
    }
}
