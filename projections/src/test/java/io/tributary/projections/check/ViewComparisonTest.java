package io.tributary.projections.check;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
        Documents expected = new Documents(List.of(doc("a", 1, "x")));
        Documents actual = new Documents(List.of(doc("a", 1, "x"), doc("late", 1, "y"), doc("refused", 1, "z")));

        ViewCheckReport.ViewResult result = ViewComparison.compare("things", "test",
                ids(List.of("a", "late", "refused")), expected, actual, Set::copyOf, "late"::equals);

        assertThat(result.unexpected()).isEqualTo(1);
        assertThat(result.examples()).singleElement().asString().contains("refused");
        assertThat(result.documents()).isEqualTo(3);
    }

    @Test
    void comparesViewsLargerThanOneBatch() {
        List<Snapshot> expected = new ArrayList<>();
        List<Snapshot> actual = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            expected.add(doc("id" + i, 1, "x" + i));
            if (i != 1_234) {
                actual.add(doc("id" + i, 1, i == 2_001 ? "changed" : "x" + i));
            }
        }

        ViewCheckReport.ViewResult result = compare(expected, actual);

        assertThat(result.documents()).isEqualTo(2_499);
        assertThat(result.missing()).isEqualTo(1);
        assertThat(result.different()).isEqualTo(1);
        assertThat(result.examples()).anySatisfy(example -> assertThat(example).startsWith("id1234: missing"));
    }

    /** The event store knows the aggregates of both sides but "d", which only the view has. */
    private static ViewCheckReport.ViewResult compare(List<Snapshot> expected, List<Snapshot> actual) {
        Set<String> aggregates = new HashSet<>();
        expected.forEach(document -> aggregates.add(document.id()));
        actual.stream().map(Snapshot::id).filter(id -> !id.equals("d")).forEach(aggregates::add);
        Predicate<String> neverAppendedLater = id -> false;
        return ViewComparison.compare("things", "test", ids(List.copyOf(aggregates)), new Documents(expected),
                new Documents(actual), ids -> known(ids, aggregates), neverAppendedLater);
    }

    private static Set<String> known(Collection<String> ids, Set<String> aggregates) {
        Set<String> known = new HashSet<>(ids);
        known.retainAll(aggregates);
        return known;
    }

    private static Consumer<Consumer<List<String>>> ids(List<String> ids) {
        return sink -> {
            for (int from = 0; from < ids.size(); from += 1_000) {
                sink.accept(ids.subList(from, Math.min(from + 1_000, ids.size())));
            }
        };
    }

    private static Snapshot doc(String id, long version, String content) {
        return new Snapshot(id, version, content);
    }

    /** A view version in memory, handed out in batches of 1,000 like the stores do. */
    private record Documents(List<Snapshot> all) implements DocumentSource {

        @Override
        public Iterator<List<Snapshot>> batches() {
            List<List<Snapshot>> batches = new ArrayList<>();
            for (int from = 0; from < all.size(); from += 1_000) {
                batches.add(all.subList(from, Math.min(from + 1_000, all.size())));
            }
            return batches.iterator();
        }

        @Override
        public Map<String, Snapshot> find(Collection<String> ids) {
            Set<String> wanted = new HashSet<>(ids);
            Map<String, Snapshot> found = new HashMap<>();
            all.stream().filter(document -> wanted.contains(document.id()))
                    .forEach(document -> found.put(document.id(), document));
            return found;
        }

        @Override
        public long count() {
            return all.size();
        }
    }
}
