package io.tributary.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes answers of one kind as JSON serialized once per instance, the bytes kept while the instance lives (weak
 * keys, compared by identity) up to a maximum. A hot view document comes from the near-cache as the same instance
 * again and again, so its bytes serve every read of it until a newer version replaces it. A computed answer (a
 * page, a search result) is serialized once for its ETag digest and written from the same bytes. Knowing the length
 * up front also spares the answer chunked encoding.
 */
final class SerializedAnswers<T> extends AbstractHttpMessageConverter<T> {

    private final ObjectMapper json;
    private final Class<T> kind;
    private final Cache<T, byte[]> serialized;

    SerializedAnswers(ObjectMapper json, Class<T> kind, long maximumSize) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
        this.kind = kind;
        this.serialized = Caffeine.newBuilder().weakKeys().maximumSize(maximumSize).build();
    }

    /** The answer's JSON, serialized now or taken from an earlier call for the same instance. */
    byte[] bytesOf(T answer) {
        return serialized.get(answer, this::serialize);
    }

    @Override
    protected boolean supports(Class<?> type) {
        return kind.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected T readInternal(Class<? extends T> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("answers are written only", input);
    }

    @Override
    protected Long getContentLength(T answer, MediaType contentType) {
        return (long) bytesOf(answer).length;
    }

    @Override
    protected void writeInternal(T answer, HttpOutputMessage output) throws IOException {
        output.getBody().write(bytesOf(answer));
    }

    private byte[] serialize(T answer) {
        try {
            return json.writeValueAsBytes(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
