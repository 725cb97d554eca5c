package io.tributary.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tributary.query.view.Versioned;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.AbstractHttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes a view document's JSON, serialized once per document instance: a hot document comes from the near-cache
 * as the same instance again and again, so its bytes are reused until the near-cache lets go of it (the keys are
 * weak and compared by identity, so a newer version is a new instance and serialized afresh). Knowing the length
 * up front also spares the answer chunked encoding.
 */
class SerializedDocuments extends AbstractHttpMessageConverter<Versioned> {

    private final ObjectMapper json;
    private final Cache<Versioned, byte[]> serialized;

    SerializedDocuments(ObjectMapper json, long maximumSize) {
        super(MediaType.APPLICATION_JSON);
        this.json = json;
        this.serialized = Caffeine.newBuilder().weakKeys().maximumSize(maximumSize).build();
    }

    @Override
    protected boolean supports(Class<?> type) {
        return Versioned.class.isAssignableFrom(type);
    }

    @Override
    protected boolean canRead(MediaType mediaType) {
        return false;
    }

    @Override
    protected Versioned readInternal(Class<? extends Versioned> type, HttpInputMessage input) {
        throw new HttpMessageNotReadableException("view documents are answers only", input);
    }

    @Override
    protected Long getContentLength(Versioned document, MediaType contentType) {
        return (long) bytesOf(document).length;
    }

    @Override
    protected void writeInternal(Versioned document, HttpOutputMessage output) throws IOException {
        output.getBody().write(bytesOf(document));
    }

    private byte[] bytesOf(Versioned document) {
        return serialized.get(document, this::serialize);
    }

    private byte[] serialize(Versioned document) {
        try {
            return json.writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
