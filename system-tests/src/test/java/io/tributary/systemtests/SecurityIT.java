package io.tributary.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.devstack.TestIssuer;
import io.tributary.events.ConsistencyToken;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The security contract end to end, over HTTP against the three running services with tokens of the test issuer
 * they trust: who needs a token, which tokens are refused, what a customer may see and do (their own user and
 * orders, nothing of anyone else's, not even whether it exists), and what only an admin may.
 */
class SecurityIT {

    private static final String UNAUTHORIZED = "urn:tributary:problem:unauthorized";
    private static final String FORBIDDEN = "urn:tributary:problem:forbidden";
    private static final String SUBJECT_ALREADY_REGISTERED = "urn:tributary:problem:subject-already-registered";
    private static final String PRODUCT = """
            {"sku":"SKU-%1$s","name":"Shuttle %1$s","description":"A boat shuttle for a floor loom","category":"tools",\
            "price":{"amount":"24.00","currency":"EUR"},"initialStock":100}""";

    private static RunningSystem system;
    private static TestIssuer issuer;

    @BeforeAll
    static void startSystem() {
        system = RunningSystem.get();
        issuer = TestIssuer.shared();
    }

    @Test
    void aRequestWithoutATokenIsRefusedWith401AndABearerChallenge() {
        List<Http.Response> refused = List.of(
                system.commands().anonymous().postJson("/api/v1/orders", order(UUID.randomUUID().toString(),
                        UUID.randomUUID().toString())),
                system.commands().anonymous().postJson("/api/v1/products", PRODUCT.formatted(unique())),
                system.queries().anonymous().get("/api/v1/users/" + UUID.randomUUID()),
                system.projectionsAdmin().anonymous().get("/actuator/views"));

        for (Http.Response answer : refused) {
            assertProblem(answer, 401, UNAUTHORIZED);
            assertThat(answer.header("WWW-Authenticate")).as(answer.toString())
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }

    @Test
    void forgedExpiredAndWrongAudienceTokensAreRefusedWith401EvenForAnAdmin() {
        Map<String, String> badTokens = Map.of(
                "forged", issuer.forgedToken(RunningSystem.ADMIN, "admin"),
                "expired", issuer.expiredToken(RunningSystem.ADMIN, "admin"),
                "for another API", issuer.tokenForAnotherAudience(RunningSystem.ADMIN, "admin"));

        badTokens.forEach((kind, token) -> {
            assertProblem(system.commands().as(token).postJson("/api/v1/products", PRODUCT.formatted(unique())),
                    401, UNAUTHORIZED);
            assertProblem(system.queries().as(token).get("/api/v1/users?q=ada"), 401, UNAUTHORIZED);
            assertProblem(system.projectionsAdmin().as(token).get("/actuator/views"), 401, UNAUTHORIZED);
            // Registration is open, but a token that is sent must be valid: it is not silently ignored.
            assertProblem(system.commands().as(token).postJson("/api/v1/users", user("Eve " + kind)), 401,
                    UNAUTHORIZED);
        });
    }

    @Test
    void registrationWithoutATokenWorks() {
        Http.Response registered = system.register(user("Ada Lovelace"));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().get("id").asText()).isNotBlank();
    }

    @Test
    void registrationWithACustomersTokenLinksTheUserToTheCustomerOnce() {
        Customer customer = Customer.signUp("Grace Hopper");

        Http.Response own = system.queries().as(customer.token()).get("/api/v1/users/" + customer.userId());
        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(own.json().path("subject").asText()).as(own.toString()).isEqualTo(customer.subject());

        Http.Response again = system.commands().as(customer.token()).postJson("/api/v1/users", user("Grace Again"));
        assertProblem(again, 409, SUBJECT_ALREADY_REGISTERED);
    }

    @Test
    void aCustomerSeesAndChangesNothingOfAnotherCustomerNotEvenWhetherItExists() {
        String productId = createProduct();
        Customer alice = Customer.signUp("Alice");
        Customer bob = Customer.signUp("Bob");
        Http.Response placed = system.commands().as(alice.token()).postJson("/api/v1/orders",
                order(alice.userId(), productId));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("id").asText();
        String orderVersion = placed.header(ConsistencyToken.HEADER).orElseThrow();
        // Alice sees her order and her list, so Bob's 404s below come from the rules, not from views not yet written.
        Http.Response hers = system.queries().as(alice.token()).get("/api/v1/orders/" + orderId,
                ConsistencyToken.HEADER, orderVersion);
        assertThat(hers.status()).as(hers.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(system.queries().as(alice.token())
                .get("/api/v1/users/" + alice.userId() + "/orders").body()).contains(orderId));

        String unknownUser = UUID.randomUUID().toString();
        String unknownOrder = UUID.randomUUID().toString();
        Http queriesAsBob = system.queries().as(bob.token());
        Http commandsAsBob = system.commands().as(bob.token());
        assertAnsweredAsUnknown(id -> queriesAsBob.get("/api/v1/users/" + id), alice.userId(), unknownUser, 404);
        assertAnsweredAsUnknown(id -> queriesAsBob.get("/api/v1/users/" + id + "/orders"), alice.userId(),
                unknownUser, 404);
        assertAnsweredAsUnknown(id -> queriesAsBob.get("/api/v1/orders/" + id), orderId, unknownOrder, 404);
        assertAnsweredAsUnknown(id -> commandsAsBob.patchJson("/api/v1/users/" + id, "{\"age\":33}"),
                alice.userId(), unknownUser, 404);
        assertAnsweredAsUnknown(id -> commandsAsBob.post("/api/v1/orders/" + id + "/cancel"), orderId,
                unknownOrder, 404);
        Http.Response asUnknownUser = commandsAsBob.postJson("/api/v1/orders", order(unknownUser, productId));
        assertThat(asUnknownUser.status()).as(asUnknownUser.toString()).isBetween(400, 499);
        assertAnsweredAsUnknown(id -> commandsAsBob.postJson("/api/v1/orders", order(id, productId)),
                alice.userId(), unknownUser, asUnknownUser.status());

        Http.Response cancelled = system.commands().as(alice.token()).post("/api/v1/orders/" + orderId + "/cancel");
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        Http.Response cancelledView = system.queries().as(alice.token()).get("/api/v1/orders/" + orderId,
                ConsistencyToken.HEADER, cancelled.header(ConsistencyToken.HEADER).orElseThrow());
        assertThat(cancelledView.status()).as(cancelledView.toString()).isEqualTo(200);
        assertThat(cancelledView.json().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void adminOnlyEndpointsRefuseACustomerWith403() {
        Customer customer = Customer.signUp("Hedy Lamarr");
        String productId = createProduct();
        String orderId = confirmedOrder(customer, productId);

        for (Request request : adminOnly(productId, orderId, customer.userId())) {
            assertProblem(request.sendAs(customer.token()), 403, FORBIDDEN);
        }
    }

    @Test
    void adminOnlyEndpointsServeAnAdmin() {
        Customer customer = Customer.signUp("Radia Perlman");
        String productId = createProduct();
        String orderId = confirmedOrder(customer, productId);

        for (Request request : adminOnly(productId, orderId, customer.userId())) {
            Http.Response answer = request.sendAs(issuer.token(RunningSystem.ADMIN, "admin"));
            assertThat(answer.status()).as(request + ": " + answer).isEqualTo(request.adminStatus());
        }
    }

    @Test
    void productReadsHealthAndMetricsForPrometheusNeedNoToken() {
        String word = "bobbin" + unique();
        Http.Response created = system.commands().postJson("/api/v1/products", PRODUCT.formatted(word));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String productId = created.json().get("id").asText();
        Http queries = system.queries().anonymous();

        Http.Response product = queries.get("/api/v1/products/" + productId, ConsistencyToken.HEADER,
                created.header(ConsistencyToken.HEADER).orElseThrow());
        assertThat(product.status()).as(product.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(queries.get("/api/v1/products?q=" + word).body()).contains(productId);
            assertThat(queries.get("/api/v1/products/suggest?prefix=" + word.substring(0, 8)).body())
                    .contains(productId);
        });
        for (Http service : List.of(system.commands(), system.queries(), system.projectionsAdmin())) {
            assertThat(service.anonymous().get("/actuator/health").status()).isEqualTo(200);
            Http.Response metrics = service.anonymous().get("/actuator/prometheus");
            assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        }
    }

    /**
     * The answer about someone else's resource is the answer about one that does not exist: the same status and
     * the same problem document, ids aside.
     */
    private static void assertAnsweredAsUnknown(Function<String, Http.Response> request, String othersId,
                                                String unknownId, int status) {
        Http.Response others = request.apply(othersId);
        Http.Response unknown = request.apply(unknownId);
        assertThat(others.status()).as(others.toString()).isEqualTo(status);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(status);
        assertThat(others.body().replace(othersId, "<id>")).isEqualTo(unknown.body().replace(unknownId, "<id>"));
    }

    private static void assertProblem(Http.Response answer, int status, String type) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.toString())
                .hasValueSatisfying(contentType -> assertThat(contentType).startsWith("application/problem+json"));
        assertThat(answer.json().path("type").asText()).as(answer.toString()).isEqualTo(type);
    }

    /**
     * Every admin-only endpoint once, with what it answers an admin; in an order an admin can follow (the product
     * is discontinued after its other changes).
     */
    private static List<Request> adminOnly(String productId, String orderId, String userId) {
        return List.of(
                new Request(system.commands(), "POST", "/api/v1/products", PRODUCT.formatted(unique()), 201),
                new Request(system.commands(), "PATCH", "/api/v1/products/" + productId,
                        "{\"description\":\"A boat shuttle, oiled\"}", 200),
                new Request(system.commands(), "POST", "/api/v1/products/" + productId + "/price",
                        "{\"amount\":\"26.00\",\"currency\":\"EUR\"}", 200),
                new Request(system.commands(), "POST", "/api/v1/products/" + productId + "/restock",
                        "{\"quantity\":10}", 200),
                new Request(system.commands(), "POST", "/api/v1/products/" + productId + "/discontinue", null, 200),
                new Request(system.commands(), "POST", "/api/v1/orders/" + orderId + "/ship", null, 200),
                new Request(system.queries(), "GET", "/api/v1/users?q=hedy", null, 200),
                new Request(system.queries(), "GET", "/api/v1/orders?userId=" + userId, null, 200),
                new Request(system.queries(), "GET", "/api/v1/export/orders?userId=" + userId, null, 200),
                new Request(system.commands(), "GET", "/actuator/metrics", null, 200),
                new Request(system.commands(), "GET", "/actuator/info", null, 200),
                new Request(system.queries(), "GET", "/actuator/metrics", null, 200),
                new Request(system.queries(), "GET", "/actuator/info", null, 200),
                new Request(system.queries(), "GET", "/actuator/circuitbreakers", null, 200),
                new Request(system.projectionsAdmin(), "GET", "/actuator/info", null, 200),
                new Request(system.projectionsAdmin(), "GET", "/actuator/views", null, 200),
                new Request(system.projectionsAdmin(), "GET", "/actuator/views/users-mongo-view", null, 200),
                // A view that does not exist, so that the admin's call changes nothing (and answers 404).
                new Request(system.projectionsAdmin(), "POST", "/actuator/views/no-such-view",
                        "{\"action\":\"prune\"}", 404),
                new Request(system.projectionsAdmin(), "GET", "/actuator/deadletters", null, 200),
                new Request(system.projectionsAdmin(), "POST", "/actuator/deadletters/no-such-topic", null, 404),
                new Request(system.projectionsAdmin(), "POST", "/actuator/viewcheck", null, 200),
                new Request(system.projectionsAdmin(), "GET", "/actuator/projections", null, 200));
    }

    private static String createProduct() {
        Http.Response created = system.commands().postJson("/api/v1/products", PRODUCT.formatted(unique()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    /** An order of the customer's that the stock reservation confirmed, so that it can be shipped. */
    private static String confirmedOrder(Customer customer, String productId) {
        Http.Response placed = system.commands().as(customer.token()).postJson("/api/v1/orders",
                order(customer.userId(), productId));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        String orderId = placed.json().get("id").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode order = system.queries().as(customer.token()).get("/api/v1/orders/" + orderId).json();
            assertThat(order.path("status").asText()).isEqualTo("CONFIRMED");
        });
        return orderId;
    }

    private static String order(String userId, String productId) {
        return "{\"userId\":\"" + userId + "\",\"lines\":[{\"productId\":\"" + productId + "\",\"quantity\":1}]}";
    }

    private static String user(String name) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + unique() + "@example.com\"}";
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A customer with an account: a subject of their own, its token, and the user it registered. */
    private record Customer(String subject, String token, String userId) {

        /** Registers with a fresh subject's token and waits until the customer can read their own user. */
        static Customer signUp(String name) {
            String subject = "customer-" + UUID.randomUUID();
            String token = issuer.token(subject, "customer");
            Http.Response registered = system.commands().as(token).postJson("/api/v1/users", user(name));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String userId = registered.json().get("id").asText();
            Http.Response own = system.queries().as(token).get("/api/v1/users/" + userId, ConsistencyToken.HEADER,
                    registered.header(ConsistencyToken.HEADER).orElseThrow());
            assertThat(own.status()).as(own.toString()).isEqualTo(200);
            return new Customer(subject, token, userId);
        }
    }

    /** A request to one service, sent as different callers; {@code body} null for none. */
    private record Request(Http service, String method, String path, String body, int adminStatus) {

        Http.Response sendAs(String token) {
            Http caller = service.as(token);
            return switch (method) {
                case "GET" -> caller.get(path);
                case "PATCH" -> caller.patchJson(path, body);
                case "POST" -> body == null ? caller.post(path) : caller.postJson(path, body);
                default -> throw new IllegalArgumentException(method);
            };
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
