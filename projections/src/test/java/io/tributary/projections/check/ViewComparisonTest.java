package io.tributary.projections.check;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ViewComparisonTest {

    @Test
    void equalViewsAreConsistent() {
        ViewCheckReport.ViewResult result = compare(
                List.of(doc("a", 1, "x"), doc("b", 2, "y")),
                List.of(doc("a", 1, "x"), doc("b", 2, "y")));

        assertThat(result.consistent()).isTrue();
        assertThat(result.documents()).isEqualTo(2);
        assertThat(result.examples()).isEmpty();
    }

    @Test
    void countsEveryKindOfDifference() {
        ViewCheckReport.ViewResult result = compare(
                List.of(doc("a", 1, "x"), doc("b", 3, "y"), doc("c", 1, "z"), doc("e", 1, "v")),
                List.of(doc("b", 2, "y"), doc("c", 1, "changed"), doc("d", 1, "w"), doc("e", 1, "v")));

        assertThat(result.missing()).as("a").isEqualTo(1);
        assertThat(result.behind()).as("b").isEqualTo(1);
        assertThat(result.different()).as("c").isEqualTo(1);
        assertThat(result.unexpected()).as("d").isEqualTo(1);
        assertThat(result.consistent()).isFalse();
        assertThat(result.documents()).isEqualTo(4);
        assertThat(result.examples()).hasSize(4).anySatisfy(example -> assertThat(example).contains("c", "changed"));
    }

    @Test
    void aLiveDocumentNewerThanTheFoldIsNoDifference() {
        ViewCheckReport.ViewResult result = compare(List.of(doc("a", 1, "x")), List.of(doc("a", 2, "newer")));

        assertThat(result.consistent()).isTrue();
    }

    @Test
    void aLiveDocumentOfAnAggregateThatBeganAfterTheFoldIsNoDifference() {
        ViewCheckReport.ViewResult result = ViewComparison.compare("things", "test",
                List.of(doc("a", 1, "x")).iterator(),
                List.of(doc("a", 1, "x"), doc("late", 1, "y"), doc("stray", 1, "z")).iterator(),
                "late"::equals);

        assertThat(result.unexpected()).isEqualTo(1);
        assertThat(result.examples()).singleElement().asString().contains("stray");
        assertThat(result.documents()).isEqualTo(3);
    }

    private static ViewCheckReport.ViewResult compare(List<Snapshot> expected, List<Snapshot> actual) {
        return ViewComparison.compare("things", "test", expected.iterator(), actual.iterator(), id -> false);
    }

    private static Snapshot doc(String id, long version, String content) {
        return new Snapshot(id, version, content);
    }
}
