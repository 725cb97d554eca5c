package io.tributary.query.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.tributary.query.http.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoreGuardTest {

    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
    private final StoreGuard guard = new StoreGuard("search", CircuitBreaker.ofDefaults("search"),
            TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(200)).build()), calls);

    @AfterEach
    void close() {
        calls.close();
    }

    @Test
    void anAsynchronousCallsResultIsWaitedFor() {
        assertThat(guard.await(() -> CompletableFuture.supplyAsync(() -> "found"))).isEqualTo("found");
    }

    @Test
    void anAsynchronousCallPastTheTimeLimitIsCancelledAndTheStoreUnavailable() {
        CompletableFuture<String> hanging = new CompletableFuture<>();

        assertThatThrownBy(() -> guard.await(() -> hanging)).isInstanceOf(StoreUnavailableException.class)
                .hasCauseInstanceOf(TimeoutException.class);
        assertThat(hanging).isCancelled();
    }

    @Test
    void anAsynchronousCallsFailureMakesTheStoreUnavailable() {
        IOException refused = new IOException("connection refused");

        assertThatThrownBy(() -> guard.await(() -> CompletableFuture.failedFuture(refused)))
                .isInstanceOf(StoreUnavailableException.class).hasCause(refused);
    }
}
