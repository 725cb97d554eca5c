package io.tributary.http.security;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tributary.devstack.TestIssuer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.tributary.http.access.AccessLogFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationRegistryCustomizer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;
import java.util.Queue;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules on a small service of their own, with tokens from a real issuer served over HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.resourceserver.jwt.audiences=" + TestIssuer.AUDIENCE,
        "management.endpoints.web.exposure.include=health,info,prometheus",
        "tributary.cors.allowed-origins=https://shop.example.com"})
class ResourceServerTest {

    private static final TestIssuer issuer = TestIssuer.shared();

    @Autowired
    TestRestTemplate http;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        issuer.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    @Test
    void aRequestWithoutATokenIsAskedForOne() {
        ResponseEntity<String> answer = get("/api/mine", null);

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(answer.getBody()).contains("\"type\":\"urn:tributary:problem:unauthorized\"", "\"status\":401",
                "needs a bearer token");
    }

    @Test
    void theTokenDecoderRemembersTheTokensItVerified(@Autowired JwtDecoder decoder) {
        assertThat(decoder).isInstanceOf(VerifiedTokens.class);
        String token = issuer.token("alice", "customer");

        for (int i = 0; i < 3; i++) {
            assertThat(get("/api/mine", token).getStatusCode().value()).isEqualTo(200);
        }
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefused() {
        for (String token : new String[]{issuer.forgedToken("alice", "customer"),
                issuer.expiredToken("alice", "customer"), issuer.tokenForAnotherAudience("alice", "customer"),
                "not-a-jwt"}) {
            ResponseEntity<String> answer = get("/api/mine", token);

            assertThat(answer.getStatusCode().value()).as(token).isEqualTo(401);
            assertThat(answer.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
            assertThat(answer.getBody()).contains("urn:tributary:problem:unauthorized", "was not accepted");
        }
    }

    @Test
    void aValidTokenNamesTheCallerAndItsRoles() {
        ResponseEntity<String> answer = get("/api/mine", issuer.token("alice", "customer"));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody()).isEqualTo("alice [customer] admin=false");
    }

    @Test
    void aServiceRuleForAdminsRefusesACustomerWithAProblem() {
        ResponseEntity<String> customer = get("/api/admin-only", issuer.token("alice", "customer"));
        ResponseEntity<String> admin = get("/api/admin-only", issuer.token("root", "admin"));

        assertThat(customer.getStatusCode().value()).isEqualTo(403);
        assertThat(customer.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(customer.getBody()).contains("urn:tributary:problem:forbidden", "\"status\":403");
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anOpenRuleAnswersAnyone() {
        assertThat(get("/api/open", null).getBody()).isEqualTo("anonymous=true");
        assertThat(get("/api/open", issuer.token("alice", "customer")).getBody()).isEqualTo("anonymous=false");
    }

    @Test
    void healthAndPrometheusAreOpenOtherActuatorEndpointsNeedAnAdmin() {
        assertThat(get("/actuator/health", null).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).getStatusCode().value()).isIn(200, 404);
        assertThat(get("/actuator/info", null).getStatusCode().value()).isEqualTo(401);
        assertThat(get("/actuator/info", issuer.token("alice", "customer")).getStatusCode().value()).isEqualTo(403);
        assertThat(get("/actuator/info", issuer.token("root", "admin")).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        ResponseEntity<String> answer = get("/api/open", null);

        assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.getHeaders().getFirst("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.getHeaders().getFirst("Server")).isNull();
    }

    @Test
    void theAccessLogNamesTheCaller() {
        ch.qos.logback.classic.Logger accessLog =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(AccessLogFilter.class);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        accessLog.addAppender(lines);
        try {
            get("/api/mine", issuer.token("alice", "customer"));
            // The line is written once the answer has gone out, so it may come a moment after the client has it.
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(lines.list).isNotEmpty());
        } finally {
            accessLog.detachAppender(lines);
        }

        assertThat(lines.list).singleElement().extracting(ILoggingEvent::getFormattedMessage)
                .asString().startsWith("GET /api/mine 200").endsWith(" alice");
    }

    @Test
    void onlyTheRequestItselfIsObservedNotTheSecurityFilters(@Autowired ObservedNames observed) {
        observed.names.clear();

        assertThat(get("/api/mine", issuer.token("alice", "customer")).getStatusCode().value()).isEqualTo(200);

        assertThat(observed.names).contains("http.server.requests")
                .noneMatch(name -> name.startsWith("spring.security"));
    }

    @Test
    void browsersMayCallFromTheConfiguredOriginsOnly() {
        ResponseEntity<String> shop = preflight("https://shop.example.com");
        ResponseEntity<String> elsewhere = preflight("https://evil.example.net");

        assertThat(shop.getStatusCode().value()).isEqualTo(200);
        assertThat(shop.getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://shop.example.com");
        assertThat(shop.getHeaders().getAccessControlAllowHeaders()).contains("Authorization");
        assertThat(elsewhere.getStatusCode().value()).isEqualTo(403);
        assertThat(elsewhere.getHeaders().getAccessControlAllowOrigin()).isNull();
    }

    private ResponseEntity<String> preflight(String origin) {
        HttpHeaders headers = new HttpHeaders();
        headers.setOrigin(origin);
        headers.setAccessControlRequestMethod(HttpMethod.POST);
        headers.setAccessControlRequestHeaders(java.util.List.of("Authorization", "Content-Type"));
        return http.exchange("/api/mine", HttpMethod.OPTIONS, new HttpEntity<>(headers), String.class);
    }

    private ResponseEntity<String> get(String path, String token) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }

    /** The name of every observation started in the service. */
    static final class ObservedNames implements ObservationHandler<Observation.Context> {

        final Queue<String> names = new ConcurrentLinkedQueue<>();

        @Override
        public void onStart(Observation.Context context) {
            names.add(context.getName());
        }

        @Override
        public boolean supportsContext(Observation.Context context) {
            return true;
        }
    }

    @SpringBootApplication
    @RestController
    static class SecuredService {

        @Bean
        AccessRules rules() {
            return requests -> requests
                    .requestMatchers("/api/open").permitAll()
                    .requestMatchers("/api/admin-only").hasRole(Caller.ADMIN);
        }

        @Bean
        ObservedNames observedNames() {
            return new ObservedNames();
        }

        @Bean
        ObservationRegistryCustomizer<ObservationRegistry> recordObservedNames(ObservedNames observed) {
            return registry -> registry.observationConfig().observationHandler(observed);
        }

        @GetMapping("/api/mine")
        String mine(Caller caller) {
            return caller.subject() + " " + new TreeSet<>(caller.roles()) + " admin=" + caller.admin();
        }

        @GetMapping("/api/open")
        String open(Caller caller) {
            return "anonymous=" + caller.anonymous();
        }

        @GetMapping("/api/admin-only")
        Map<String, String> adminOnly() {
            return Map.of("ok", "yes");
        }
    }
}
