package io.tributary.devstack;

/** One local server: started (or found running and adopted), stopped, or killed. */
interface ManagedServer {

    /** Starts the server, or adopts one already running for the same folder and port; returns its endpoint. */
    String start();

    void stop();

    /** Dies without cleaning up, as a crash would. */
    void kill();
}
