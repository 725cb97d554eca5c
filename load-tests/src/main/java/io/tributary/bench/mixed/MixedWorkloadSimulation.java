package io.tributary.bench.mixed;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Scenario 2, the sustained mixed load, as an open model: a fixed arrival rate of requests, each one user that
 * sends one request. 80 % reads (an order by id, a user's orders, product search, autocomplete), 20 % commands
 * (register a user, place an order). Run by {@code ./tributary bench}, which sets the system properties
 * {@code bench.commandApi}, {@code bench.queryApi}, {@code bench.rate} (requests/s), {@code bench.seconds},
 * {@code bench.data} (the folder with the loaded ids) and {@code bench.runTag}, and the environment variable
 * {@value #TOKEN_VARIABLE}: the bearer token of every request but the registrations, which sign up without one.
 */
public class MixedWorkloadSimulation extends Simulation {

    public static final String TOKEN_VARIABLE = "TRIBUTARY_TOKEN";

    private final String commandApi = System.getProperty("bench.commandApi", "http://127.0.0.1:8081");
    private final String queryApi = System.getProperty("bench.queryApi", "http://127.0.0.1:8082");
    private final int rate = Integer.getInteger("bench.rate", 50);
    private final int seconds = Integer.getInteger("bench.seconds", 60);
    private final Path data = Path.of(System.getProperty("bench.data", "target/bench"));
    private final String runTag = System.getProperty("bench.runTag", "gatling") + "g" + System.nanoTime() % 1_000_000;
    /** Null against a service without security. */
    private final String token = System.getenv(TOKEN_VARIABLE);

    private final List<String> users = lines("user-ids.txt");
    private final List<String> products = lines("product-ids.txt");
    private final List<String> orders = lines("order-ids.txt");
    private final List<String> words = lines("search-words.txt");
    private final AtomicLong registrations = new AtomicLong();

    private final Iterator<Map<String, Object>> pick = Stream.generate(this::next).iterator();

    private final HttpProtocolBuilder protocol = http.shareConnections().acceptHeader("application/json")
            .contentTypeHeader("application/json").warmUp(queryApi + "/actuator/health");

    private final ScenarioBuilder mixed = scenario("mixed workload").feed(pick).randomSwitch().on(
            percent(30).then(exec(authorized(http("order by id")
                    .get(queryApi + "/api/v1/orders/#{orderId}")).check(status().is(200)))),
            percent(20).then(exec(authorized(http("a user's orders")
                    .get(queryApi + "/api/v1/users/#{userId}/orders")).check(status().is(200)))),
            percent(20).then(exec(authorized(http("product search")
                    .get(queryApi + "/api/v1/products?q=#{word}")).check(status().is(200)))),
            percent(10).then(exec(authorized(http("autocomplete")
                    .get(queryApi + "/api/v1/products/suggest?prefix=#{prefix}")).check(status().is(200)))),
            percent(10).then(exec(http("register user")
                    .post(commandApi + "/api/v1/users")
                    .body(StringBody("{\"name\":\"Mixed User\",\"email\":\"#{email}\"}")).check(status().is(201)))),
            percent(10).then(exec(authorized(http("place order")
                    .post(commandApi + "/api/v1/orders"))
                    .body(StringBody("{\"userId\":\"#{userId}\",\"lines\":[{\"productId\":\"#{productId}\",\"quantity\":1}]}"))
                    .check(status().is(201)))));

    {
        setUp(mixed.injectOpen(constantUsersPerSec(rate).during(seconds))).protocols(protocol);
    }

    private HttpRequestActionBuilder authorized(HttpRequestActionBuilder request) {
        return token == null ? request : request.header("Authorization", "Bearer " + token);
    }

    private Map<String, Object> next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String word = words.get(random.nextInt(words.size()));
        return Map.of("userId", users.get(random.nextInt(users.size())),
                "productId", products.get(random.nextInt(products.size())),
                "orderId", orders.get(random.nextInt(orders.size())),
                "word", word,
                "prefix", word.substring(0, Math.min(3, word.length())),
                "email", "mixed-" + runTag + "-" + registrations.incrementAndGet() + "@bench.example.com");
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(data.resolve(file)).stream().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("the mixed workload needs the ids of a loaded data set in " + data, e);
        }
    }
}
