package io.tributary.devstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers started a moment later. They are taken below Linux's ephemeral range (32768–60999): a port the
 * kernel hands out there (what {@code new ServerSocket(0)} does) is also where outgoing connections get their local
 * ports, so one can take it between the choice and the server's bind. A port is handed out once per process: the
 * servers of a stack start at once, and a port chosen for one but not yet bound (Elasticsearch binds seconds after)
 * looks free when the next is chosen.
 */
public final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePorts() {
    }

    /** A port on 127.0.0.1 that nothing listens on now. */
    public static int next() {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new StackException("no free port between " + LOWEST + " and " + HIGHEST + " after " + ATTEMPTS
                + " attempts");
    }
}
