package io.tributary.bench.data;

import io.tributary.bench.system.Api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Loads users, products and orders through the command API, {@value #CONCURRENCY} requests at a time, and
 * remembers their ids. A command that fails is retried a few times; a load that still fails stops the run. Users
 * register without a token, as visitors sign up; products and orders are the caller's (the benchmark's admin).
 */
public final class DataLoader {

    private static final int CONCURRENCY = 32;
    private static final int ATTEMPTS = 5;

    private final Api api;
    private final String commandApi;
    private final String runTag;

    public DataLoader(Api api, String commandApi, String runTag) {
        this.api = api;
        this.commandApi = commandApi;
        this.runTag = runTag;
    }

    /** Loads everything; answers the ids and how long the commands took. */
    public Loaded load(int users, int products, int orders, java.nio.file.Path folder) {
        long started = System.nanoTime();
        List<String> productIds = create(api, "products", products, index -> Catalogue.productJson(index, runTag));
        List<String> userIds = create(api.anonymous(), "users", users, index -> People.userJson(index, runTag));
        List<String> orderIds = create(api, "orders", orders, index -> orderJson(index, userIds, productIds));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Loaded(new Dataset(userIds, productIds, orderIds, folder).saved(), users + products + orders, took);
    }

    /** The {@code index}th order of a data set: one of its users, one to three of its products; the same every run. */
    public static String orderJson(int index, List<String> userIds, List<String> productIds) {
        Random random = new Random(index * 31L + 5);
        StringBuilder lines = new StringBuilder();
        // One to three lines, each product at most once (the command API refuses repeats).
        int first = random.nextInt(productIds.size());
        int count = Math.min(1 + random.nextInt(3), productIds.size());
        for (int line = 0; line < count; line++) {
            lines.append(line == 0 ? "" : ",").append("{\"productId\":\"")
                    .append(productIds.get((first + line) % productIds.size())).append("\",\"quantity\":")
                    .append(1 + random.nextInt(3)).append('}');
        }
        return "{\"userId\":\"" + userIds.get(random.nextInt(userIds.size())) + "\",\"lines\":[" + lines + "]}";
    }

    private List<String> create(Api caller, String resource, int count, IntFunction<String> body) {
        String url = commandApi + "/api/v1/" + resource;
        String[] ids = new String[count];
        Semaphore permits = new Semaphore(CONCURRENCY);
        AtomicInteger done = new AtomicInteger();
        List<Future<?>> pending = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int index = 0; index < count; index++) {
                int current = index;
                permits.acquireUninterruptibly();
                pending.add(executor.submit(() -> {
                    try {
                        ids[current] = createOne(caller, url, body.apply(current),
                                runTag + "-" + resource + "-" + current);
                        int finished = done.incrementAndGet();
                        if (finished % 10_000 == 0) {
                            System.out.printf("  %,d %s%n", finished, resource);
                        }
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("loading " + resource + " failed: " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(java.util.Arrays.asList(ids));
    }

    private static String createOne(Api caller, String url, String body, String idempotencyKey) {
        Api.Answer answer = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            answer = caller.postIdempotent(url, body, idempotencyKey);
            if (answer.ok()) {
                return answer.json().get("id").asText();
            }
            if (answer.status() >= 400 && answer.status() < 500 && answer.status() != 409) {
                break;
            }
            sleep(200L * attempt);
        }
        throw new IllegalStateException("POST " + url + " answered " + answer.status() + ": " + answer.body());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public record Loaded(Dataset dataset, int commands, Duration took) {

        public double perSecond() {
            return commands / (took.toNanos() / 1e9);
        }
    }
}
