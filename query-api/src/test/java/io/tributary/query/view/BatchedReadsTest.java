package io.tributary.query.view;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchedReadsTest {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    @Test
    void aReadAnswersTheDocumentOrEmpty() {
        BatchedReads<Doc> reads = new BatchedReads<>(ids -> ids.stream().filter(id -> !id.equals("absent"))
                .collect(Collectors.toMap(Function.identity(), id -> new Doc(id, 3))), executor);

        assertThat(reads.read("a")).contains(new Doc("a", 3));
        assertThat(reads.read("absent")).isEmpty();
    }

    @Test
    void aFailedQueryFailsTheReadsOfItsBatch() {
        BatchedReads<Doc> reads = new BatchedReads<>(ids -> {
            throw new IllegalStateException("store down");
        }, executor);

        assertThatThrownBy(() -> reads.read("a")).isInstanceOf(IllegalStateException.class).hasMessage("store down");
    }

    @Test
    void readsArrivingWhileAQueryRunsGoTogetherInTheNext() throws Exception {
        List<List<String>> queries = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch firstQueryStarted = new CountDownLatch(1);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        BatchedReads<Doc> reads = new BatchedReads<>(ids -> {
            queries.add(List.copyOf(ids));
            if (queries.size() == 1) {
                firstQueryStarted.countDown();
                await(othersWaiting);
            }
            return ids.stream().collect(Collectors.toMap(Function.identity(), id -> new Doc(id, 1)));
        }, executor);

        Future<Optional<Doc>> first = executor.submit(() -> reads.read("first"));
        firstQueryStarted.await();
        List<Future<Optional<Doc>>> others = new ArrayList<>();
        for (String id : List.of("b", "c", "d")) {
            others.add(executor.submit(() -> reads.read(id)));
        }
        // Once the other three wait, the first query ends.
        while (reads.waitingIds() < 3) {
            Thread.onSpinWait();
        }
        othersWaiting.countDown();

        assertThat(first.get()).contains(new Doc("first", 1));
        for (Future<Optional<Doc>> other : others) {
            assertThat(other.get()).isPresent();
        }
        assertThat(queries).hasSize(2);
        assertThat(queries.get(1)).containsExactlyInAnyOrder("b", "c", "d");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private record Doc(String id, long version) implements Versioned {
    }
}
