package io.tributary.http.access;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccessLogFilterTest {

    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(AccessLogFilter.class);
    private final AccessLogFilter filter = new AccessLogFilter();

    @BeforeEach
    void captureLog() {
        lines.start();
        logger.addAppender(lines);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(lines);
    }

    @Test
    void logsOneLinePerRequestWithMethodPathStatusAndDuration() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/users");
        MockHttpServletResponse response = new MockHttpServletResponse();
        String[] requestIdWhileServed = new String[1];

        filter.doFilter(request, response, (req, res) -> {
            requestIdWhileServed[0] = MDC.get(AccessLogFilter.REQUEST_ID_KEY);
            ((MockHttpServletResponse) res).setStatus(201);
        });

        assertThat(lines.list).hasSize(1);
        ILoggingEvent line = lines.list.getFirst();
        Map<String, Object> fields = fields(line);
        assertThat(fields).containsEntry("http.request.method", "POST").containsEntry("url.path", "/api/v1/users")
                .containsEntry("http.response.status_code", 201);
        assertThat((Long) fields.get("event.duration")).isPositive();
        assertThat(line.getFormattedMessage()).startsWith("POST /api/v1/users 201 ");
        assertThat(response.getHeader(AccessLogFilter.REQUEST_ID)).isEqualTo(requestIdWhileServed[0]).isNotBlank();
        assertThat(line.getMDCPropertyMap()).containsEntry(AccessLogFilter.REQUEST_ID_KEY, requestIdWhileServed[0]);
        assertThat(MDC.get(AccessLogFilter.REQUEST_ID_KEY)).as("cleared after the request").isNull();
    }

    @Test
    void namesTheSubjectTheSecurityFiltersAuthenticated() throws Exception {
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/orders/1"), new MockHttpServletResponse(),
                (req, res) -> req.setAttribute(AccessLogFilter.SUBJECT, "kc-7f3a"));
        filter.doFilter(new MockHttpServletRequest("GET", "/api/v1/products"), new MockHttpServletResponse(),
                (req, res) -> { });

        assertThat(fields(lines.list.get(0))).containsEntry("user.id", "kc-7f3a");
        assertThat(lines.list.get(0).getFormattedMessage()).endsWith(" kc-7f3a");
        assertThat(fields(lines.list.get(1))).containsEntry("user.id", "-");
        assertThat(lines.list.get(1).getFormattedMessage()).endsWith(" anonymous");
    }

    @Test
    void aFailureThatEscapesIsLoggedAsServerError() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/products");

        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(fields(lines.list.getFirst())).containsEntry("http.response.status_code", 500);
    }

    @Test
    void keepsACallersRequestIdOnlyWhenItIsShortAndPlain() {
        assertThat(AccessLogFilter.requestId("gw-7f3a.19:2")).isEqualTo("gw-7f3a.19:2");
        assertThat(AccessLogFilter.requestId("forged\nline")).isNotEqualTo("forged\nline").hasSize(36);
        assertThat(AccessLogFilter.requestId("x".repeat(65))).hasSize(36);
        assertThat(AccessLogFilter.requestId(null)).hasSize(36);
    }

    private static Map<String, Object> fields(ILoggingEvent line) {
        Map<String, Object> fields = new HashMap<>();
        for (KeyValuePair pair : line.getKeyValuePairs()) {
            fields.put(pair.key, pair.value);
        }
        return fields;
    }
}
