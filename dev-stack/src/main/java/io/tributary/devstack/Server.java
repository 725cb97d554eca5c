package io.tributary.devstack;

/** The servers Tributary needs. */
public enum Server {
    POSTGRES, KAFKA, MONGO, ELASTICSEARCH, SMTP, KEYCLOAK, REDIS
}
