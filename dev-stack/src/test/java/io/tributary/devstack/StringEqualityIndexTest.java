package io.tributary.devstack;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StringEqualityIndexTest {

    private final StringEqualityIndex<Object> index = new StringEqualityIndex<>("byUser",
            List.of(new IndexKey("userId", true), new IndexKey("placedAt", false)));

    @Test
    void servesAFilterRequiringItsFirstKeyToEqualAString() {
        assertThat(index.canHandle(new Document("userId", "u1"))).isTrue();
        assertThat(index.canHandle(new Document("userId", "u1").append("status", "PLACED"))).isTrue();
        assertThat(index.canHandle(new Document("$and", List.of(new Document("status", "PLACED"),
                new Document("userId", "u1"))))).isTrue();
    }

    @Test
    void leavesEveryOtherFilterToTheLibrary() {
        assertThat(index.canHandle(new Document("placedAt", "2026"))).isFalse();
        assertThat(index.canHandle(new Document("userId", new Document("$in", List.of("u1", "u2"))))).isFalse();
        assertThat(index.canHandle(new Document("userId", 7))).isFalse();
        assertThat(index.canHandle(new Document("$or", List.of(new Document("userId", "u1"))))).isFalse();
    }

    @Test
    void followsADocumentFromKeyToKeyAndForgetsItWhenRemoved() {
        Document placed = new Document("_id", "o1").append("userId", "u1");
        index.add(placed, "o1", null);
        Document moved = new Document("_id", "o1").append("userId", "u2");
        index.updateInPlace(placed, moved, "o1", null);

        assertThat(index.getPositions(new Document("userId", "u1"))).isEmpty();
        assertThat(index.getPositions(new Document("userId", "u2"))).containsExactly("o1");
        index.remove(moved);
        assertThat(index.getPositions(new Document("userId", "u2"))).isEmpty();
        assertThat(index.getCount()).isZero();
    }
}
