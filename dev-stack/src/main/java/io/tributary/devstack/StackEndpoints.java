package io.tributary.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running servers are; null for a server that was not asked for.
 *
 * @param smtpServer {@code host:port} of the SMTP server
 * @param oidcIssuer the issuer URL of Keycloak's {@code tributary} realm, which tokens carry as {@code iss}
 * @param redisUrl   {@code redis://host:port}
 */
public record StackEndpoints(String postgresJdbcUrl, String postgresUser, String postgresPassword,
                             String kafkaBootstrapServers, String mongoUri, String elasticsearchUrl,
                             String smtpServer, String oidcIssuer, String redisUrl) {

    /** No server yet. */
    static StackEndpoints none(String postgresUser, String postgresPassword) {
        return new StackEndpoints(null, postgresUser, postgresPassword, null, null, null, null, null, null);
    }

    /** Spring property names and values, e.g. for {@code @DynamicPropertySource}. */
    public Map<String, String> springProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        putIfSet(properties, "spring.datasource.url", postgresJdbcUrl);
        putIfSet(properties, "spring.datasource.username", postgresJdbcUrl == null ? null : postgresUser);
        putIfSet(properties, "spring.datasource.password", postgresJdbcUrl == null ? null : postgresPassword);
        putIfSet(properties, "spring.kafka.bootstrap-servers", kafkaBootstrapServers);
        putIfSet(properties, "spring.data.mongodb.uri", mongoUri);
        putIfSet(properties, "spring.elasticsearch.uris", elasticsearchUrl);
        if (smtpServer != null) {
            int colon = smtpServer.lastIndexOf(':');
            properties.put("spring.mail.host", smtpServer.substring(0, colon));
            properties.put("spring.mail.port", smtpServer.substring(colon + 1));
        }
        putIfSet(properties, "spring.security.oauth2.resourceserver.jwt.issuer-uri", oidcIssuer);
        putIfSet(properties, "spring.data.redis.url", redisUrl);
        return properties;
    }

    /** The same as environment variables, for service processes. */
    public Map<String, String> springEnvironment() {
        Map<String, String> environment = new LinkedHashMap<>();
        springProperties().forEach((name, value) ->
                environment.put(name.toUpperCase().replace('.', '_').replace("-", ""), value));
        return environment;
    }

    StackEndpoints with(Server server, String value) {
        return switch (server) {
            case POSTGRES -> new StackEndpoints(value, postgresUser, postgresPassword, kafkaBootstrapServers, mongoUri,
                    elasticsearchUrl, smtpServer, oidcIssuer, redisUrl);
            case KAFKA -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, value, mongoUri,
                    elasticsearchUrl, smtpServer, oidcIssuer, redisUrl);
            case MONGO -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, kafkaBootstrapServers,
                    value, elasticsearchUrl, smtpServer, oidcIssuer, redisUrl);
            case ELASTICSEARCH -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword,
                    kafkaBootstrapServers, mongoUri, value, smtpServer, oidcIssuer, redisUrl);
            case SMTP -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, kafkaBootstrapServers,
                    mongoUri, elasticsearchUrl, value, oidcIssuer, redisUrl);
            case KEYCLOAK -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, kafkaBootstrapServers,
                    mongoUri, elasticsearchUrl, smtpServer, value, redisUrl);
            case REDIS -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, kafkaBootstrapServers,
                    mongoUri, elasticsearchUrl, smtpServer, oidcIssuer, value);
        };
    }

    /** The endpoint of one server, null if it was not asked for. */
    String of(Server server) {
        return switch (server) {
            case POSTGRES -> postgresJdbcUrl;
            case KAFKA -> kafkaBootstrapServers;
            case MONGO -> mongoUri;
            case ELASTICSEARCH -> elasticsearchUrl;
            case SMTP -> smtpServer;
            case KEYCLOAK -> oidcIssuer;
            case REDIS -> redisUrl;
        };
    }

    private static void putIfSet(Map<String, String> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
