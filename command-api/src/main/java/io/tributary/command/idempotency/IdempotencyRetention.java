package io.tributary.command.idempotency;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/** Forgets stored answers after the retention period (48 h by default; clients may retry for 24 h). */
@Component
@EnableScheduling
@EnableConfigurationProperties(IdempotencyProperties.class)
class IdempotencyRetention {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyRetention.class);

    private final IdempotencyStore store;
    private final Duration retention;

    IdempotencyRetention(IdempotencyStore store, IdempotencyProperties properties) {
        this.store = store;
        this.retention = properties.retention();
    }

    @Scheduled(fixedDelayString = "${tributary.idempotency.purge-interval}", initialDelayString = "PT1M")
    void purge() {
        int purged = store.purgeCreatedBefore(Instant.now().minus(retention));
        if (purged > 0) {
            log.info("Purged {} idempotency records older than {}", purged, retention);
        }
    }
}
