package io.tributary.command.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Request bodies are read strictly: UTF-8 that is UTF-8, one JSON document with nothing after it, and whole numbers
 * only as JSON integers where a command takes whole numbers. Jackson's defaults would decode an overlong sequence
 * ({@code C0 AF}) as '/', read the first document of {@code {…}garbage} and ignore the rest, take
 * {@code "quantity": 1.5} for 1, and read {@code "quantity": "١"} (an Arabic-Indic digit in a string) as 1.
 * Amounts stay readable from strings, as the API documents them.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        for (int i = 0; i < converters.size(); i++) {
            if (converters.get(i) instanceof MappingJackson2HttpMessageConverter json) {
                ObjectMapper strict = json.getObjectMapper().copy()
                        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
                strict.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
                converters.set(i, new StrictJson(strict));
            }
        }
    }

    /** Checks that a UTF-8 body decodes strictly before Jackson, which does not check, reads it. */
    private static final class StrictJson extends MappingJackson2HttpMessageConverter {

        StrictJson(ObjectMapper json) {
            super(json);
        }

        @Override
        public Object read(Type type, Class<?> contextClass, HttpInputMessage input) throws IOException {
            byte[] body = input.getBody().readAllBytes();
            MediaType contentType = input.getHeaders().getContentType();
            if (contentType == null || contentType.getCharset() == null
                    || StandardCharsets.UTF_8.equals(contentType.getCharset())) {
                try {
                    StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
                } catch (CharacterCodingException e) {
                    throw new HttpMessageNotReadableException("The body is no UTF-8 text.", e, input);
                }
            }
            return super.read(type, contextClass, new HttpInputMessage() {
                @Override
                public InputStream getBody() {
                    return new ByteArrayInputStream(body);
                }

                @Override
                public HttpHeaders getHeaders() {
                    return input.getHeaders();
                }
            });
        }
    }
}
