package io.tributary.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** A Keycloak realm over HTTP: tokens by the password grant, and users kept through the admin REST API. */
final class KeycloakRealm {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String serverUrl;
    private final String realm;

    /** @param issuer e.g. {@code http://127.0.0.1:8180/realms/tributary} */
    KeycloakRealm(String issuer) {
        int realms = issuer.lastIndexOf("/realms/");
        if (realms < 0) {
            throw new IllegalArgumentException("not a Keycloak issuer URL: " + issuer);
        }
        this.serverUrl = issuer.substring(0, realms);
        this.realm = issuer.substring(realms + "/realms/".length());
    }

    /** A user name and password. */
    record Login(String username, String password) {
    }

    /** An access token of a user, from a public client that allows the password grant. */
    String passwordGrant(String clientId, Login user) {
        return passwordGrant(realm, clientId, user);
    }

    /**
     * Creates the user if needed (e-mail and names set, so that Keycloak asks for no profile update before the first
     * login), sets the password, and leaves exactly {@code role} of the given realm roles on the user.
     *
     * @param admin an admin of the master realm
     */
    void ensureUser(Login admin, Login user, String role, Collection<String> exclusiveRoles) {
        String adminToken = passwordGrant("master", "admin-cli", admin);
        String users = serverUrl + "/admin/realms/" + realm + "/users";
        String userId = findUser(adminToken, users, user.username());
        if (userId == null) {
            ObjectNode created = JSON.createObjectNode().put("username", user.username()).put("enabled", true)
                    .put("email", user.username() + "@example.com").put("emailVerified", true)
                    .put("firstName", user.username()).put("lastName", "Tributary");
            send(adminToken, "POST", users, created, 201);
            userId = findUser(adminToken, users, user.username());
        }
        ObjectNode credential = JSON.createObjectNode().put("type", "password").put("value", user.password())
                .put("temporary", false);
        send(adminToken, "PUT", users + "/" + userId + "/reset-password", credential, 204);

        String mappings = users + "/" + userId + "/role-mappings/realm";
        ArrayNode others = JSON.createArrayNode();
        for (JsonNode held : send(adminToken, "GET", mappings, null, 200)) {
            String name = held.path("name").asText();
            if (exclusiveRoles.contains(name) && !name.equals(role)) {
                others.add(held);
            }
        }
        if (!others.isEmpty()) {
            send(adminToken, "DELETE", mappings, others, 204);
        }
        JsonNode wanted = send(adminToken, "GET", serverUrl + "/admin/realms/" + realm + "/roles/" + role, null, 200);
        send(adminToken, "POST", mappings, JSON.createArrayNode().add(wanted), 204);
    }

    private String findUser(String adminToken, String users, String username) {
        JsonNode found = send(adminToken, "GET",
                users + "?exact=true&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8), null, 200);
        return found.isEmpty() ? null : found.get(0).path("id").asText();
    }

    private String passwordGrant(String realmName, String clientId, Login user) {
        String form = Map.of("grant_type", "password", "client_id", clientId, "username", user.username(),
                        "password", user.password(), "scope", "openid").entrySet().stream()
                .map(field -> field.getKey() + "=" + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(serverUrl + "/realms/" + realmName + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return exchange(request, 200).path("access_token").asText();
    }

    private JsonNode send(String token, String method, String url, JsonNode body, int expectedStatus) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        return exchange(request.build(), expectedStatus);
    }

    private static JsonNode exchange(HttpRequest request, int expectedStatus) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expectedStatus) {
                throw new StackException("Keycloak: " + request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new StackException("Keycloak at " + request.uri() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while calling Keycloak", e);
        }
    }
}
