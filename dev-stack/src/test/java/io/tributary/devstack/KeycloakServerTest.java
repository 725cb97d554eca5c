package io.tributary.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak from the distribution zip, with the realm of ops/keycloak, issues the tokens the services accept. */
class KeycloakServerTest {

    private static StackConfig config;
    private static KeycloakServer keycloak;
    private static String issuer;

    @BeforeAll
    static void start() {
        config = StackConfig.forTests(EnumSet.of(Server.KEYCLOAK));
        keycloak = new KeycloakServer(config);
        long started = System.nanoTime();
        issuer = keycloak.start();
        System.out.printf("Keycloak answered OIDC discovery after %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    @AfterAll
    static void stop() {
        keycloak.stop();
    }

    @Test
    void aDemoUserGetsATokenForTheApiWithItsRoles() throws Exception {
        assertThat(issuer).isEqualTo("http://127.0.0.1:" + config.keycloakPort() + "/realms/tributary");
        KeycloakRealm realm = new KeycloakRealm(issuer);

        JsonNode customer = claims(realm.passwordGrant("tributary-cli", new KeycloakRealm.Login("demo-customer", "demo-customer")));
        assertThat(customer.path("iss").asText()).isEqualTo(issuer);
        assertThat(audience(customer)).contains("tributary-api");
        assertThat(customer.path("sub").asText()).isNotBlank();
        assertThat(roles(customer)).contains("customer").doesNotContain("admin");
        assertThat(customer.path("exp").asLong() - customer.path("iat").asLong()).isEqualTo(300);

        JsonNode admin = claims(realm.passwordGrant("tributary-cli", new KeycloakRealm.Login("demo-admin", "demo-admin")));
        assertThat(roles(admin)).contains("admin", "customer");
    }

    @Test
    void theTokenCommandCreatesAUserWithTheRoleAskedFor() throws Exception {
        String adminPassword = Files.readString(KeycloakServer.adminPasswordFile(config.home())).strip();
        String username = "user-" + UUID.randomUUID().toString().substring(0, 8);

        JsonNode asAdmin = claims(TokenCommand.token(issuer, adminPassword, username, "admin"));
        assertThat(asAdmin.path("preferred_username").asText()).isEqualTo(username);
        assertThat(asAdmin.path("iss").asText()).isEqualTo(issuer);
        assertThat(audience(asAdmin)).contains("tributary-api");
        assertThat(roles(asAdmin)).contains("admin").doesNotContain("customer");

        JsonNode asCustomer = claims(TokenCommand.token(issuer, adminPassword, username, "customer"));
        assertThat(asCustomer.path("sub").asText()).isEqualTo(asAdmin.path("sub").asText());
        assertThat(roles(asCustomer)).contains("customer").doesNotContain("admin");
    }

    @Test
    void theWebClientSignsInWithTheCodeFlowAndPkceBackToLocalhostOnly() throws Exception {
        String authorize = issuer + "/protocol/openid-connect/auth?client_id=tributary-web&response_type=code&scope=openid";
        String challenge = "&code_challenge_method=S256&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
        HttpClient http = HttpClient.newHttpClient();

        assertThat(get(http, authorize + challenge + "&redirect_uri=http://localhost:5173/callback").statusCode())
                .as("the login page").isEqualTo(200);
        assertThat(get(http, authorize + challenge + "&redirect_uri=http://example.com/callback").statusCode())
                .as("a redirect away from localhost").isEqualTo(400);
        HttpResponse<String> withoutPkce = get(http, authorize + "&redirect_uri=http://localhost:5173/callback");
        assertThat(withoutPkce.headers().firstValue("Location")).as("a request without PKCE")
                .hasValueSatisfying(location -> assertThat(location).contains("error=invalid_request"));
    }

    @Test
    void servicesGetTheIssuerAsTheResourceServerSetting() {
        assertThat(StackEndpoints.none("postgres", "").with(Server.KEYCLOAK, issuer).springEnvironment())
                .containsExactly(Map.entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuer));
    }

    private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(String accessToken) throws Exception {
        String payload = accessToken.split("\\.")[1];
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload));
    }

    private static List<String> roles(JsonNode claims) {
        List<String> roles = new ArrayList<>();
        claims.path("realm_access").path("roles").forEach(role -> roles.add(role.asText()));
        return roles;
    }

    /** {@code aud} is a string for one audience and an array for several. */
    private static List<String> audience(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        List<String> audience = new ArrayList<>();
        if (aud.isArray()) {
            aud.forEach(entry -> audience.add(entry.asText()));
        } else {
            audience.add(aud.asText());
        }
        return audience;
    }
}
