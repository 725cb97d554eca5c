package io.tributary.chaos;

import io.tributary.devstack.Server;

/** What the chaos run kills and starts again: each of the three services and each server they depend on. */
enum Target {
    COMMAND_API("command API", "command-api", null),
    PROJECTIONS("projections", "projections", null),
    QUERY_API("query API", "query-api", null),
    KAFKA("Kafka", null, Server.KAFKA),
    ELASTICSEARCH("Elasticsearch", null, Server.ELASTICSEARCH),
    MONGO("Mongo-protocol server", null, Server.MONGO),
    POSTGRES("PostgreSQL", null, Server.POSTGRES);

    private final String label;
    private final String service;
    private final Server server;

    Target(String label, String service, Server server) {
        this.label = label;
        this.service = service;
        this.server = server;
    }

    String label() {
        return label;
    }

    /** The service's module and jar name; null for a server. */
    String service() {
        return service;
    }

    /** The stack's server; null for a service. */
    Server server() {
        return server;
    }
}
