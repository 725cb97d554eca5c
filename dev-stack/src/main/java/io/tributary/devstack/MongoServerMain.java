package io.tributary.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the Mongo-protocol server process: {@code --port N [--file path]}. With a file the data
 * lives in an H2 MVStore and survives restarts; without, it is in memory.
 */
public final class MongoServerMain {

    /**
     * The store's page cache, in MB, within the server's 1 GB heap. H2's default, 16 MB, held a small part of the
     * views' documents and their indices: most lookups read their page from the file again and decoded it.
     */
    private static final int CACHE_MEGABYTES = 256;

    private MongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 27017;
        String file = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--file" -> file = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        MongoBackend backend = new IdIndexedH2Backend(file == null ? MVStore.open(null)
                : new MVStore.Builder().fileName(file).cacheSize(CACHE_MEGABYTES).open());
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", port);
        System.out.println("Mongo-protocol server listening on 127.0.0.1:" + port + (file == null ? " (memory)" : " (" + file + ")"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-server-shutdown"));
        stopped.await();
    }
}
