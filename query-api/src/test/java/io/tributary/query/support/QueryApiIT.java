package io.tributary.query.support;

import io.tributary.devstack.LocalStack;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestIssuer;
import io.tributary.devstack.TestStack;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query API on the real Mongo-protocol server and Elasticsearch of the test stack, a real Redis as its second
 * cache level, trusting the test token issuer. Every integration test shares these settings, hence one application
 * context. {@link #http} and {@link #get} send no token; {@link #httpAs} and {@link #getAs} send the one given,
 * usually {@link #ADMIN}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // These tests drive the API from one address faster than a client may; the rate limits have their own tests.
        "tributary.rate-limits.enabled=false",
        // Its requests would count among those the tests count; the warm-up has its own test.
        "tributary.warm-up.enabled=false",
        "tributary.consistency.max-wait=1500ms",
        "resilience4j.circuitbreaker.instances.elasticsearch.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.instances.mongo.wait-duration-in-open-state=2s",
        "resilience4j.circuitbreaker.instances.redis.wait-duration-in-open-state=2s",
        // Long enough that the near-cache test sees a cached entry on a busy machine.
        "tributary.near-cache.time-to-live=10s",
        // ...and is not read again behind its back, so hits and misses are exactly those the test makes.
        "tributary.near-cache.refresh-after=10s"})
@SuppressWarnings({"rawtypes", "unchecked"})
public abstract class QueryApiIT {

    protected static final LocalStack STACK = TestStack.shared(Server.MONGO, Server.ELASTICSEARCH);
    protected static final TestRedis REDIS = TestRedis.shared();
    public static final TestIssuer ISSUER = TestIssuer.shared();
    /** An operator's token: may read everything. */
    public static final String ADMIN = ISSUER.token("operator", "admin");

    @Autowired
    protected TestRestTemplate http;
    @Autowired
    protected MongoTemplate mongo;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        STACK.endpoints().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        registry.add("spring.data.redis.url", REDIS::url);
        ISSUER.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A customer's token for this subject. */
    protected static String customer(String subject) {
        return ISSUER.token(subject, "customer");
    }

    /** The same server as {@code http}, every request with this bearer token. */
    public static TestRestTemplate withToken(TestRestTemplate http, String token) {
        return new TestRestTemplate(new RestTemplateBuilder().rootUri(http.getRootUri())
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }

    protected TestRestTemplate httpAs(String token) {
        return withToken(http, token);
    }

    public static ViewFixtures views(MongoTemplate mongo) {
        return new ViewFixtures(mongo, STACK.endpoints().elasticsearchUrl());
    }

    /** A GET without a token, with headers given as name, value, name, value... */
    protected ResponseEntity<Map> get(String path, String... headerPairs) {
        return getAs(null, path, headerPairs);
    }

    /** A GET with this bearer token (none when null), with headers given as name, value, name, value... */
    protected ResponseEntity<Map> getAs(String token, String path, String... headerPairs) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    protected static List<Map<String, Object>> items(ResponseEntity<Map> answer) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return (List<Map<String, Object>>) answer.getBody().get("items");
    }

    protected static List<String> ids(ResponseEntity<Map> answer) {
        return items(answer).stream().map(item -> (String) item.get("id")).toList();
    }

    /** A hand-made cursor or other opaque value. */
    protected static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The order export as an export client asks for it: NDJSON, or a problem. */
    public static ResponseEntity<Map> askForExport(TestRestTemplate client, String query, Object... variables) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("application/x-ndjson"), MediaType.APPLICATION_PROBLEM_JSON));
        return client.exchange("/api/v1/export/orders" + query, HttpMethod.GET, new HttpEntity<>(headers), Map.class,
                variables);
    }

    /** The parameter a 400 problem names. */
    public static String parameterOf(ResponseEntity<Map> answer) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getHeaders().getContentType()).hasToString("application/problem+json");
        return ((List<Map<String, String>>) answer.getBody().get("errors")).getFirst().get("parameter");
    }
}
