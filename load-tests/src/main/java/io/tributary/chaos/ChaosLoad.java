package io.tributary.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The sustained mixed load: client threads registering users, adding and restocking products, placing and cancelling
 * orders and reading users, products, orders and searches. Every command carries an {@code Idempotency-Key} and is
 * retried with it while the answer is "not now" (no answer, or 503), for at most the plan's patience; its outcome
 * goes into the ledger.
 */
final class ChaosLoad implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(2);

    private final ChaosSystem system;
    private final ChaosHttp http;
    private final Duration patience;
    private final Duration thinkTime;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Queue<Command> ledger = new ConcurrentLinkedQueue<>();
    private final List<String> products = new CopyOnWriteArrayList<>();
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    ChaosLoad(ChaosSystem system, ChaosHttp http, int clients, Duration thinkTime, Duration patience) {
        this.system = system;
        this.http = http;
        this.patience = patience;
        this.thinkTime = thinkTime;
        this.clients = Executors.newFixedThreadPool(clients, Thread.ofPlatform().name("chaos-client-", 0).factory());
        for (int client = 0; client < clients; client++) {
            int number = client;
            running.add(this.clients.submit(() -> new Client(number).run()));
        }
    }

    /** Every command sent so far with its outcome. */
    Queue<Command> ledger() {
        return ledger;
    }

    /** Lets each client finish the command it is sending (retries included), then stops them. */
    void stop() {
        stopping = true;
        for (Future<?> client : running) {
            try {
                client.get(patience.toSeconds() + 60, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("a chaos client failed or did not stop: " + e, e);
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        clients.shutdownNow();
    }

    /** One client: its own users and orders, the products every client added. */
    private final class Client {

        private final int number;
        private final Random random;
        private final List<String> users = new ArrayList<>();
        private final List<String> orders = new ArrayList<>();
        private int sent;

        Client(int number) {
            this.number = number;
            this.random = new Random(number * 7919L + run.hashCode());
        }

        void run() {
            registerUser();
            addProduct();
            while (!stopping) {
                int dice = random.nextInt(100);
                if (dice < 12) {
                    registerUser();
                } else if (dice < 17) {
                    addProduct();
                } else if (dice < 50) {
                    placeOrder();
                } else if (dice < 60) {
                    cancelOrder();
                } else if (dice < 65) {
                    restock();
                } else {
                    read();
                }
                pause(thinkTime);
            }
        }

        private void registerUser() {
            String email = "chaos-" + run + "-" + number + "-" + sent++ + "@example.com";
            Command command = send(Command.Kind.REGISTER_USER, email, "/api/v1/users",
                    "{\"name\":\"Chaos Client " + number + "\",\"email\":\"" + email + "\"}", false);
            if (command.aggregateId() != null) {
                users.add(command.aggregateId());
            }
        }

        private void addProduct() {
            String sku = "CHAOS-" + run + "-" + number + "-" + sent++;
            Command command = send(Command.Kind.ADD_PRODUCT, sku, "/api/v1/products",
                    "{\"sku\":\"" + sku + "\",\"name\":\"Chaos product " + sku + "\",\"description\":\"Stock for the chaos run\","
                            + "\"category\":\"chaos\",\"price\":{\"amount\":\"" + (5 + random.nextInt(95)) + ".00\",\"currency\":\"EUR\"},"
                            + "\"initialStock\":" + (5 + random.nextInt(30)) + "}", true);
            if (command.aggregateId() != null) {
                products.add(command.aggregateId());
            }
        }

        /** One or two lines of a few units each: stock runs out now and then, so some orders are rejected. */
        private void placeOrder() {
            if (users.isEmpty() || products.isEmpty()) {
                return;
            }
            String user = users.get(random.nextInt(users.size()));
            String first = products.get(random.nextInt(products.size()));
            String second = products.get(random.nextInt(products.size()));
            String lines = "{\"productId\":\"" + first + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}"
                    + (second.equals(first) ? "" : ",{\"productId\":\"" + second + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}");
            Command command = send(Command.Kind.PLACE_ORDER, user, "/api/v1/orders",
                    "{\"userId\":\"" + user + "\",\"lines\":[" + lines + "]}", true);
            if (command.aggregateId() != null) {
                orders.add(command.aggregateId());
            }
        }

        /** Each order is cancelled once at most (a repeated cancellation would be a no-op, not an effect). */
        private void cancelOrder() {
            if (orders.isEmpty()) {
                return;
            }
            String order = orders.remove(random.nextInt(orders.size()));
            send(Command.Kind.CANCEL_ORDER, order, "/api/v1/orders/" + order + "/cancel", "", true);
        }

        private void restock() {
            if (products.isEmpty()) {
                return;
            }
            String product = products.get(random.nextInt(products.size()));
            send(Command.Kind.RESTOCK, product, "/api/v1/products/" + product + "/restock",
                    "{\"quantity\":" + (1 + random.nextInt(10)) + "}", true);
        }

        private void read() {
            String base = system.url(Target.QUERY_API) + "/api/v1";
            int dice = random.nextInt(4);
            if (dice == 0 && !users.isEmpty()) {
                http.get(Target.QUERY_API, base + "/users/" + users.get(random.nextInt(users.size())));
            } else if (dice == 1 && !orders.isEmpty()) {
                http.get(Target.QUERY_API, base + "/orders/" + orders.get(random.nextInt(orders.size())));
            } else if (dice == 2 && !products.isEmpty()) {
                http.get(Target.QUERY_API, base + "/products/" + products.get(random.nextInt(products.size())));
            } else {
                http.get(Target.QUERY_API, base + "/products?q=chaos&limit=5");
            }
        }

        private Command send(Command.Kind kind, String subject, String path, String body, boolean asAdmin) {
            String key = UUID.randomUUID().toString();
            long deadline = System.nanoTime() + patience.toNanos();
            Duration pause = FIRST_PAUSE;
            int attempts = 0;
            Call call;
            while (true) {
                attempts++;
                call = http.post(Target.COMMAND_API, system.url(Target.COMMAND_API) + path, body, key, asAdmin);
                if (!call.unavailable() || System.nanoTime() + pause.toNanos() > deadline) {
                    break;
                }
                pause(pause);
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
            Command.Outcome outcome = call.ok() ? Command.Outcome.ACKED
                    : call.status() >= 400 && call.status() < 500 ? Command.Outcome.REFUSED : Command.Outcome.UNKNOWN;
            Command command = new Command(kind, subject, key, outcome, call.status(),
                    call.ok() && kind != Command.Kind.CANCEL_ORDER && kind != Command.Kind.RESTOCK ? idOf(call) : null,
                    attempts);
            ledger.add(command);
            return command;
        }

        private static String idOf(Call call) {
            try {
                return JSON.readTree(call.body()).get("id").asText();
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("a command's answer has no id: " + call.body(), e);
            }
        }

        private static void pause(Duration pause) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }
}
