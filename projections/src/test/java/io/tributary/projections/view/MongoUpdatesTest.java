package io.tributary.projections.view;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MongoUpdatesTest {

    @Test
    void setsFieldsAndPushesOntoArraysLikeMongoDb() {
        Document stored = new Document("_id", "o-1").append("status", "PENDING").append("history", List.of("PENDING"));

        Document updated = MongoUpdates.applied(stored, new Document("$set", new Document("status", "SHIPPED")
                .append("version", 2L))
                .append("$push", new Document("history", "SHIPPED").append("notes", "new array")));

        assertThat(updated).isEqualTo(new Document("_id", "o-1").append("status", "SHIPPED")
                .append("history", List.of("PENDING", "SHIPPED")).append("version", 2L)
                .append("notes", List.of("new array")));
        assertThat(stored).containsEntry("status", "PENDING").containsEntry("history", List.of("PENDING"));
    }

    @Test
    void refusesWhatItCannotApplyAsMongoDbWould() {
        Document stored = new Document("_id", "o-1");

        assertThatThrownBy(() -> MongoUpdates.applied(stored, new Document("$inc", new Document("count", 1))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MongoUpdates.applied(stored, new Document("$set", new Document("a.b", 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
