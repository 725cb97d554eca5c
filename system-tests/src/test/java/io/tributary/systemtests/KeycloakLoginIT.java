package io.tributary.systemtests;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.devstack.Server;
import io.tributary.devstack.ServiceProcess;
import io.tributary.devstack.TestIssuer;
import io.tributary.devstack.TestStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real identity provider: the local Keycloak with the realm file every run imports, and a command API that
 * trusts it (and nothing else). The demo users log in with the password grant of the {@code tributary-cli} client,
 * as README shows with curl, and their tokens carry what the rules need: subject, roles and audience.
 */
class KeycloakLoginIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ServiceProcess commandApi;
    private static String issuer;

    @BeforeAll
    static void commandApiTrustingKeycloak() {
        RunningSystem system = RunningSystem.get();
        issuer = TestStack.shared(Server.KEYCLOAK).endpoints().oidcIssuer();
        commandApi = system.startAnother("command-api", "command-api-keycloak",
                Map.of("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUERURI", issuer));
    }

    @AfterAll
    static void stop() {
        if (commandApi != null) {
            commandApi.stop();
        }
    }

    @Test
    void aCustomerLogsInRegistersTheirAccountAndIsRefusedTheCatalogue() throws Exception {
        Http customer = new Http(commandApi.baseUrl(), login("demo-customer"));

        Http.Response registered = customer.postJson("/api/v1/users",
                "{\"name\":\"Demo Customer\",\"email\":\"demo-" + UUID.randomUUID() + "@example.com\"}");
        Http.Response product = customer.postJson("/api/v1/products", product());

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(product.status()).as(product.toString()).isEqualTo(403);
        assertThat(product.body()).contains("urn:tributary:problem:forbidden");
    }

    @Test
    void anAdminLogsInAndAddsAProduct() throws Exception {
        Http admin = new Http(commandApi.baseUrl(), login("demo-admin"));

        Http.Response product = admin.postJson("/api/v1/products", product());

        assertThat(product.status()).as(product.toString()).isEqualTo(201);
    }

    @Test
    void noTokenOrATokenOfAnotherIssuerIsRefused() {
        Http anonymous = new Http(commandApi.baseUrl(), null);
        Http stranger = new Http(commandApi.baseUrl(), TestIssuer.shared().token("demo-admin", "admin"));

        assertThat(anonymous.postJson("/api/v1/products", product()).status()).isEqualTo(401);
        Http.Response foreign = stranger.postJson("/api/v1/products", product());
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(401);
        assertThat(foreign.body()).contains("urn:tributary:problem:unauthorized");
    }

    /** The password grant, as a command-line client does it. */
    private static String login(String user) throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=tributary-cli&username=" + encode(user) + "&password=" + encode(user);
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create(issuer + "/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("access_token").asText();
    }

    private static String product() {
        return """
                {"sku":"KC-%s","name":"Signed Lamp","description":"","category":"lighting",
                 "price":{"amount":"25.00","currency":"EUR"},"initialStock":3}""".formatted(UUID.randomUUID());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
