package io.tributary.devstack;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the running servers are; null for a server that was not asked for.
 *
 * @param smtpServer {@code host:port} of the SMTP server
 */
public record StackEndpoints(String postgresJdbcUrl, String postgresUser, String postgresPassword,
                             String kafkaBootstrapServers, String mongoUri, String elasticsearchUrl,
                             String smtpServer) {

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
                    elasticsearchUrl, smtpServer);
            case KAFKA -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, value, mongoUri,
                    elasticsearchUrl, smtpServer);
            case MONGO -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, kafkaBootstrapServers,
                    value, elasticsearchUrl, smtpServer);
            case ELASTICSEARCH -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword,
                    kafkaBootstrapServers, mongoUri, value, smtpServer);
            case SMTP -> new StackEndpoints(postgresJdbcUrl, postgresUser, postgresPassword, kafkaBootstrapServers,
                    mongoUri, elasticsearchUrl, value);
        };
    }

    private static void putIfSet(Map<String, String> properties, String name, String value) {
        if (value != null) {
            properties.put(name, value);
        }
    }
}
