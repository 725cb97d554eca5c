package io.tributary.devstack;

import java.util.EnumSet;
import java.util.List;

/**
 * The stack of one test JVM: started on first use with fresh data and free ports, extended on demand, and
 * stopped when the JVM exits.
 */
public final class TestStack {

    private static LocalStack stack;

    private TestStack() {
    }

    /**
     * Every server except Keycloak, which takes half a minute or more to start: a test that needs it asks for it,
     * {@code shared(Server.KEYCLOAK)}.
     */
    public static LocalStack shared() {
        return shared(EnumSet.complementOf(EnumSet.of(Server.KEYCLOAK)).toArray(Server[]::new));
    }

    /** Only the servers a test needs; others are started when a later test asks for them. */
    public static synchronized LocalStack shared(Server... servers) {
        EnumSet<Server> wanted = servers.length == 0 ? EnumSet.noneOf(Server.class) : EnumSet.copyOf(List.of(servers));
        if (stack == null) {
            stack = LocalStack.start(StackConfig.forTests(wanted));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "test-stack-stop"));
        } else {
            stack.ensureStarted(wanted);
        }
        return stack;
    }
}
