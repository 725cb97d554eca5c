package io.tributary.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

/** Runs the same work on several threads released at the same moment, as several instances would. */
public final class Concurrently {

    private Concurrently() {
    }

    /** @return what each thread's {@code work} returned; throws if any of them failed */
    public static <T> List<T> run(int threads, Callable<T> work) throws Exception {
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Callable<T>> tasks = IntStream.range(0, threads)
                .mapToObj(i -> (Callable<T>) () -> {
                    together.await();
                    return work.call();
                })
                .toList();
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (Future<T> done : pool.invokeAll(tasks)) {
                results.add(done.get());
            }
        }
        return results;
    }
}
