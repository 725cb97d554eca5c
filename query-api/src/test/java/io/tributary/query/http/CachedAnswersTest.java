package io.tributary.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.ServletWebRequest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachedAnswersTest {

    private final CachedAnswers answers = new CachedAnswers(new ObjectMapper());

    @Test
    void aComputedAnswerIsSerializedOnceForItsDigestAndItsBody() throws Exception {
        Counted answer = new Counted("hello");

        ResponseEntity<Counted> entity = answers.result(request(null), answer);
        MockHttpOutputMessage written = new MockHttpOutputMessage();
        answers.computedAnswerWriter().write(entity.getBody(), MediaType.APPLICATION_JSON, written);

        assertThat(written.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("{\"text\":\"hello\"}");
        assertThat(answer.serializations.get()).isEqualTo(1);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(written.getBodyAsBytes());
        assertThat(entity.getHeaders().getETag())
                .isEqualTo("W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"");
    }

    @Test
    void anUnchangedAnswerIsNotModified() {
        String etag = answers.result(request(null), new Counted("same")).getHeaders().getETag();

        ResponseEntity<Counted> again = answers.result(request(etag), new Counted("same"));
        ResponseEntity<Counted> changed = answers.result(request(etag), new Counted("other"));

        assertThat(again.getStatusCode().value()).isEqualTo(304);
        assertThat(again.getBody()).isNull();
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
    }

    private static ServletWebRequest request(String ifNoneMatch) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/products");
        if (ifNoneMatch != null) {
            request.addHeader("If-None-Match", ifNoneMatch);
        }
        return new ServletWebRequest(request, new MockHttpServletResponse());
    }

    /** Counts how often Jackson reads it, i.e. how often it is serialized. */
    static final class Counted implements ComputedAnswer {

        final AtomicInteger serializations = new AtomicInteger();
        private final String text;

        Counted(String text) {
            this.text = text;
        }

        public String getText() {
            serializations.incrementAndGet();
            return text;
        }
    }
}
