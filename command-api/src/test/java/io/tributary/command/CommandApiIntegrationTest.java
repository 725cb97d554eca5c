package io.tributary.command;

import io.tributary.devstack.LocalStack;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestIssuer;
import io.tributary.devstack.TestStack;
import io.tributary.http.security.Caller;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.Map;

/**
 * Boots the command API against the real PostgreSQL and Kafka of the test stack, and speaks HTTP to it with tokens
 * of the test issuer. Tracing is on, as in production (Spring Boot switches it off in tests by default).
 */
@AutoConfigureObservability(metrics = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties =
        // These tests drive the API from one address faster than a client may; the rate limits have their own tests.
        "tributary.rate-limits.enabled=false")
public abstract class CommandApiIntegrationTest {

    private static final LocalStack STACK = TestStack.shared(Server.POSTGRES, Server.KAFKA);
    private static final TestIssuer ISSUER = TestIssuer.shared();

    protected static final String AUTHORIZATION = HttpHeaders.AUTHORIZATION;
    /** An operator's bearer token: admins may send every command. */
    protected static final String ADMIN = bearer("operator", Caller.ADMIN);

    @Autowired
    protected TestRestTemplate http;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        STACK.endpoints().springProperties().forEach((name, value) -> registry.add(name, () -> value));
        ISSUER.springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The value of an Authorization header with a valid token of the test issuer. */
    protected static String bearer(String subject, String... roles) {
        return "Bearer " + ISSUER.token(subject, roles);
    }

    protected static TestIssuer issuer() {
        return ISSUER;
    }

    protected static LocalStack stack() {
        return STACK;
    }

    protected static String bootstrapServers() {
        return STACK.endpoints().kafkaBootstrapServers();
    }

    @SuppressWarnings("rawtypes")
    protected ResponseEntity<Map> post(String path, String json, String... headerPairs) {
        return exchange(HttpMethod.POST, path, json, headerPairs);
    }

    @SuppressWarnings("rawtypes")
    protected ResponseEntity<Map> exchange(HttpMethod method, String path, String json, String... headerPairs) {
        HttpHeaders headers = new HttpHeaders();
        if (json != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.add(headerPairs[i], headerPairs[i + 1]);
        }
        return http.exchange(path, method, new HttpEntity<>(json, headers), Map.class);
    }

    /** Registers without a token, as anyone may: only admins act on the account. */
    protected String registerUser(String name, String email) {
        return (String) post("/api/v1/users", "{\"name\":\"%s\",\"email\":\"%s\"}".formatted(name, email))
                .getBody().get("id");
    }

    /** Registers with a token: the account is its subject's. */
    protected String registerUser(String name, String email, String bearer) {
        return (String) post("/api/v1/users", "{\"name\":\"%s\",\"email\":\"%s\"}".formatted(name, email),
                AUTHORIZATION, bearer).getBody().get("id");
    }

    protected String addProduct(String sku, String amount, int stock) {
        return (String) post("/api/v1/products", """
                {"sku":"%s","name":"Product %s","description":"","category":"tools",
                 "price":{"amount":"%s","currency":"EUR"},"initialStock":%d}""".formatted(sku, sku, amount, stock),
                AUTHORIZATION, ADMIN).getBody().get("id");
    }
}
