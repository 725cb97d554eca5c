package io.tributary.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.events.ConsistencyToken;
import io.tributary.query.view.Versioned;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * ETags, {@code If-None-Match} and {@code Cache-Control} for every JSON answer, in one place.
 * <ul>
 *   <li>A single resource: strong {@code ETag: "<version>"}, {@code private, no-cache}: views change with
 *   every event, so a cache must revalidate, which costs a 304 and no body.</li>
 *   <li>A list or search: weak {@code ETag} of a digest of the answer's JSON (it has no single version),
 *   {@code private, no-cache}: the store is asked again, but an unchanged answer travels as a 304. The JSON is
 *   serialized once, for the digest, and written from the same bytes.</li>
 * </ul>
 * Every answer varies on {@code Consistency-Token}: with one, the answer may have waited for a newer view.
 */
@Component
public class CachedAnswers {

    private static final CacheControl REVALIDATE = CacheControl.noCache().cachePrivate();
    /** Computed answers are held only from their digest until they are written: as many as requests in flight. */
    private static final long COMPUTED_ANSWERS_IN_FLIGHT = 1_024;

    private final SerializedAnswers<ComputedAnswer> computed;

    CachedAnswers(ObjectMapper json) {
        this.computed = new SerializedAnswers<>(json, ComputedAnswer.class, COMPUTED_ANSWERS_IN_FLIGHT);
    }

    /** Writes the computed answers from the bytes their digest was taken of. */
    SerializedAnswers<ComputedAnswer> computedAnswerWriter() {
        return computed;
    }

    public <T extends Versioned> ResponseEntity<T> resource(WebRequest request, T body) {
        return answer(request, "\"" + body.version() + "\"", body, REVALIDATE);
    }

    public <T extends ComputedAnswer> ResponseEntity<T> result(WebRequest request, T body) {
        return result(request, body, REVALIDATE);
    }

    public <T extends ComputedAnswer> ResponseEntity<T> result(WebRequest request, T body, CacheControl cacheControl) {
        return answer(request, "W/\"" + digestOf(body) + "\"", body, cacheControl);
    }

    private static <T> ResponseEntity<T> answer(WebRequest request, String etag, T body, CacheControl cacheControl) {
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cacheControl)
                    .varyBy(ConsistencyToken.HEADER).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(cacheControl).varyBy(ConsistencyToken.HEADER).body(body);
    }

    /** SHA-256 of the serialized answer. */
    private String digestOf(ComputedAnswer body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(computed.bytesOf(body));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
