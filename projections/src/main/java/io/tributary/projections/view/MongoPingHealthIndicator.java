package io.tributary.projections.view;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * Health of the views' MongoDB, reported as component {@code mongo} in place of Spring Boot's indicator, which
 * runs {@code hello}: the Mongo-protocol server of the local stack and the tests does not implement that
 * command, while every server answers {@code ping}.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoDatabase database;

    MongoPingHealthIndicator(MongoDatabase viewDatabase) {
        super("MongoDB health check failed");
        this.database = viewDatabase;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        database.runCommand(new Document("ping", 1));
        builder.up();
    }
}
