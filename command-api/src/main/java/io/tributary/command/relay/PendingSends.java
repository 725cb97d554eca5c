package io.tributary.command.relay;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The Kafka sends of one processor batch. Before the batch commits (and with it the processor's token),
 * every send must be acknowledged; otherwise the batch fails and is retried from the old token.
 */
final class PendingSends {

    private static final String RESOURCE_KEY = PendingSends.class.getName();

    private final List<CompletableFuture<?>> sends = new ArrayList<>();
    private final Duration timeout;

    private PendingSends(Duration timeout) {
        this.timeout = timeout;
    }

    static PendingSends ofCurrentBatch(Duration timeout) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return batch.getOrComputeResource(RESOURCE_KEY, key -> {
            PendingSends pending = new PendingSends(timeout);
            batch.onPrepareCommit(unitOfWork -> pending.awaitAcknowledgements());
            return pending;
        });
    }

    void add(CompletableFuture<?> send) {
        sends.add(send);
    }

    private void awaitAcknowledgements() {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RelayException("interrupted while waiting for Kafka acknowledgements", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RelayException("Kafka did not acknowledge " + sends.size() + " events; the batch will be retried", e);
        }
    }

    static final class RelayException extends RuntimeException {
        RelayException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
