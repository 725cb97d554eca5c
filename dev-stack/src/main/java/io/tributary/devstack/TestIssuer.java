package io.tributary.devstack;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An OIDC issuer for tests: a key of its own, served as a JWK set behind a discovery document, and access tokens
 * shaped like the local Keycloak's (subject, {@code realm_access.roles}, audience {@value #AUDIENCE}). Services
 * point {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} at {@link #issuerUri()} and validate its
 * tokens exactly as they validate Keycloak's; one system test goes through the real Keycloak as well.
 */
public final class TestIssuer implements AutoCloseable {

    public static final String AUDIENCE = "tributary-api";
    private static TestIssuer shared;

    private final RSAKey key;
    private final RSAKey strangerKey;
    private final HttpServer server;
    private final String issuerUri;

    private TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-" + UUID.randomUUID()).generate();
            // Same key id, other key: a token that looks right but was not signed by this issuer.
            strangerKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the test issuer's key", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuerUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
        String discovery = """
                {"issuer":"%s","jwks_uri":"%s/protocol/openid-connect/certs","subject_types_supported":["public"],\
                "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuerUri, issuerUri);
        String jwks = new JWKSet(key.toPublicJWK()).toString();
        server.createContext("/realms/test/.well-known/openid-configuration", exchange -> answer(exchange, discovery));
        server.createContext("/realms/test/protocol/openid-connect/certs", exchange -> answer(exchange, jwks));
        server.start();
    }

    /** The issuer of this test JVM, started on first use. */
    public static synchronized TestIssuer shared() {
        if (shared == null) {
            shared = new TestIssuer();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "test-issuer-stop"));
        }
        return shared;
    }

    public String issuerUri() {
        return issuerUri;
    }

    /** The Spring property that makes a service trust this issuer. */
    public Map<String, String> springProperties() {
        return Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri);
    }

    /** The same, as the environment of a service process. */
    public Map<String, String> springEnvironment() {
        return Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuerUri);
    }

    /** A valid access token for an hour. */
    public String token(String subject, String... roles) {
        return sign(key, claims(subject, roles, Instant.now().plus(Duration.ofHours(1)), issuerUri, AUDIENCE));
    }

    public String expiredToken(String subject, String... roles) {
        return sign(key, claims(subject, roles, Instant.now().minus(Duration.ofMinutes(5)), issuerUri, AUDIENCE));
    }

    /** Right issuer, right shape, signed by a key the issuer never published. */
    public String forgedToken(String subject, String... roles) {
        return sign(strangerKey, claims(subject, roles, Instant.now().plus(Duration.ofHours(1)), issuerUri, AUDIENCE));
    }

    /** Signed by this issuer, but for another API. */
    public String tokenForAnotherAudience(String subject, String... roles) {
        return sign(key, claims(subject, roles, Instant.now().plus(Duration.ofHours(1)), issuerUri, "another-api"));
    }

    private static JWTClaimsSet claims(String subject, String[] roles, Instant expiry, String issuer, String audience) {
        Instant issued = expiry.isBefore(Instant.now()) ? expiry.minus(Duration.ofMinutes(5)) : Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(audience)
                .issueTime(Date.from(issued))
                .notBeforeTime(Date.from(issued))
                .expirationTime(Date.from(expiry))
                .jwtID(UUID.randomUUID().toString())
                .claim("preferred_username", subject)
                .claim("realm_access", Map.of("roles", List.of(roles)))
                .build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static void answer(HttpExchange exchange, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
