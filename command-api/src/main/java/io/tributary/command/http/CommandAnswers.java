package io.tributary.command.http;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/** Builds the uniform answer of a command: body {id, version}, ETag and a consistency token. */
public final class CommandAnswers {

    private CommandAnswers() {
    }

    public static ResponseEntity<AggregateVersion> created(AggregateType type, String collectionPath,
                                                           AggregateVersion result) {
        return answer(HttpStatus.CREATED, type, result)
                .location(URI.create(collectionPath + "/" + result.id()))
                .body(result);
    }

    public static ResponseEntity<AggregateVersion> ok(AggregateType type, AggregateVersion result) {
        return answer(HttpStatus.OK, type, result).body(result);
    }

    private static ResponseEntity.BodyBuilder answer(HttpStatus status, AggregateType type, AggregateVersion result) {
        return ResponseEntity.status(status)
                .eTag(String.valueOf(result.version()))
                .header(ConsistencyToken.HEADER,
                        new ConsistencyToken(type, result.id(), result.version()).format())
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
