package io.tributary.query.view;

import org.bson.Document;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Health of the views' MongoDB as component {@code mongo}, in place of Spring Boot's indicator: that one runs
 * {@code hello}, which the Mongo-protocol server of the local stack does not implement; every server answers
 * {@code ping}.
 */
@Component("mongoHealthIndicator")
class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    MongoPingHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        mongo.executeCommand(new Document("ping", 1));
        builder.up();
    }
}
