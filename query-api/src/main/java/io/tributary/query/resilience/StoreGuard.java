package io.tributary.query.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.tributary.query.http.StoreUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Every call to one view store goes through here: a time limit, then a circuit breaker. While the breaker is
 * open, calls fail at once instead of waiting for a store that is down, and a few trial calls close it again
 * when the store is back. Any failure becomes {@link StoreUnavailableException} (503 with Retry-After).
 */
public final class StoreGuard {

    private static final Logger log = LoggerFactory.getLogger(StoreGuard.class);

    private final String store;
    private final CircuitBreaker breaker;
    private final TimeLimiter timeLimiter;
    private final ExecutorService calls;
    private final long retryAfterSeconds;

    StoreGuard(String store, CircuitBreaker breaker, TimeLimiter timeLimiter, ExecutorService calls) {
        this.store = store;
        this.breaker = breaker;
        this.timeLimiter = timeLimiter;
        this.calls = calls;
        Duration openFor = Duration.ofMillis(breaker.getCircuitBreakerConfig().getWaitIntervalFunctionInOpenState().apply(1));
        this.retryAfterSeconds = Math.max(1, openFor.toSeconds());
    }

    /** Runs the call on its own virtual thread so the time limit can abandon (and interrupt) it. */
    public <T> T call(Callable<T> call) {
        return guarded(() -> calls.submit(call));
    }

    /**
     * Waits for a call the store's client runs asynchronously, without a thread of its own; past the time limit the
     * call's future is cancelled, which aborts the request.
     */
    public <T> T await(Supplier<? extends Future<T>> call) {
        return guarded(call);
    }

    private <T> T guarded(Supplier<? extends Future<T>> call) {
        try {
            return breaker.executeCallable(() -> timeLimiter.<T, Future<T>>executeFutureSupplier(call::get));
        } catch (CallNotPermittedException e) {
            throw new StoreUnavailableException(store, retryAfterSeconds, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException(store, retryAfterSeconds, e);
        } catch (Exception e) {
            log.warn("A call to {} failed: {}", store, e.toString());
            throw new StoreUnavailableException(store, retryAfterSeconds, e);
        }
    }
}
