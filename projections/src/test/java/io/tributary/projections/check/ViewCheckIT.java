package io.tributary.projections.check;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.devstack.Server;
import io.tributary.devstack.TestStack;
import io.tributary.projections.ProjectionsIntegrationTest;
import io.tributary.projections.envelope.EnvelopeParser;
import io.tributary.projections.user.UsersSearchProjection;
import io.tributary.projections.view.SearchIndexInitializer;
import io.tributary.projections.view.SearchVersionedView;
import io.tributary.projections.view.SearchViewDefinition;
import io.tributary.projections.view.ViewVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check of a search view whose aggregate type has no events yet, as on a fresh installation where nobody has
 * placed an order: the fold writes nothing, and the empty view still equals it.
 */
class ViewCheckIT extends ProjectionsIntegrationTest {

    @Autowired
    ObjectMapper json;
    @Autowired
    SearchIndexInitializer indices;

    @Test
    void aSearchViewWithoutEventsEqualsTheEmptyFold() throws SQLException {
        EventStoreReader eventStore = new EventStoreReader(
                EventStoreTable.createEmpty(TestStack.shared(Server.POSTGRES)), json, new EnvelopeParser(json));
        SearchVersionedView view = new SearchVersionedView(new SearchViewDefinition(new ViewVersion("unwritten", 1),
                "search/users_v1.json", "userId", UsersSearchProjection::new), elasticsearch, indices);
        view.create(1);

        ViewCheckReport report = new ViewCheck(eventStore, List.of(view), mongo, elasticsearch).run(checked -> 1);

        assertThat(report.consistent()).as(report.toString()).isTrue();
        assertThat(report.views()).singleElement().satisfies(result -> {
            assertThat(result.view()).isEqualTo("unwritten");
            assertThat(result.documents()).isZero();
        });
    }
}
