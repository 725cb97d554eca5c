package io.tributary.devstack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.MVStore;

import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * Entry point of the Mongo-protocol server process: {@code --port N [--file path]}. With a file the data
 * lives in an H2 MVStore and survives restarts; without, it is in memory.
 */
public final class MongoServerMain {

    /**
     * Netty event loops serving the connections; each connection is served by one of them, which also runs its
     * commands. A write command waits there for the store's commit, and with Netty's default of four loops every
     * other connection on the same loop waited behind it. With a loop per connection (the three services open a few
     * dozen), a commit holds up only the connection that waits for it. Profiled over the benchmark's reads run at
     * 10,000 users, products and orders: the users' view's reads of its state that took over 10 ms came to 823
     * (74 s in all, 90 ms on average) with four loops and to 659 (24 s, 36 ms on average) with these; its writes,
     * which wait for the commit itself, did not get faster (121 and 138 ms on average of those over 10 ms).
     */
    static final int EVENT_LOOPS = 64;

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
        // H2's default page cache stays (16 MB, counting a document at its BSON size; decoded, it takes more). At
        // 256 MB the users' view caught up 1.3 times as fast in the catch-up benchmark and 64 MB gained nothing, but
        // under MongoVolumeBenchmark the heap grows to its 1 GB maximum with the default already, so a larger cache
        // risks it.
        MongoBackend backend = new IdIndexedH2Backend(file == null ? MVStore.open(null) : MVStore.open(file));
        MongoServer server = new MongoServer(backend);
        server.bind(new InetSocketAddress("127.0.0.1", port), 1, EVENT_LOOPS);
        System.out.println("Mongo-protocol server listening on 127.0.0.1:" + port + (file == null ? " (memory)" : " (" + file + ")"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            stopped.countDown();
        }, "mongo-server-shutdown"));
        stopped.await();
    }
}
