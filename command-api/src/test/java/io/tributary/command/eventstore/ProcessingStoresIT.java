package io.tributary.command.eventstore;

import io.tributary.command.CommandApiIntegrationTest;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jdbc.JdbcSagaStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC token and saga stores against the migrated schema, in the transactions the processors use. */
class ProcessingStoresIT extends CommandApiIntegrationTest {

    @Autowired
    TokenStore tokens;
    @Autowired
    SagaStore<Object> sagas;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTokenIsClaimedStoredAndReadInTheTokenTable() {
        assertThat(tokens).isInstanceOf(JdbcTokenStore.class);
        String processor = "test-processor-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> tokens.initializeTokenSegments(processor, 2));
        transactions.executeWithoutResult(status -> tokens.storeToken(new GlobalSequenceTrackingToken(41), processor, 1));

        TrackingToken stored = transactions.execute(status -> tokens.fetchToken(processor, 1));
        assertThat(stored).isEqualTo(new GlobalSequenceTrackingToken(41));
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT owner, token_type, timestamp FROM token_entry WHERE processor_name = ? AND segment = 1", processor);
        assertThat(row.get("owner")).isNotNull();
        assertThat(row.get("token_type")).isEqualTo(GlobalSequenceTrackingToken.class.getName());
        assertThat((String) row.get("timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        int[] segments = transactions.execute(status -> tokens.fetchSegments(processor));
        assertThat(segments).containsExactly(0, 1);
    }

    @Test
    void aTokenStoredInARolledBackTransactionIsNotKept() {
        String processor = "test-processor-" + UUID.randomUUID();
        transactions.executeWithoutResult(status -> tokens.initializeTokenSegments(processor, 1));
        transactions.executeWithoutResult(status -> {
            tokens.storeToken(new GlobalSequenceTrackingToken(7), processor, 0);
            status.setRollbackOnly();
        });

        TrackingToken kept = transactions.execute(status -> tokens.fetchToken(processor, 0));
        assertThat(kept).isNull();
    }

    @Test
    void aSagaIsFoundByItsAssociationUpdatedAndDeleted() {
        assertThat(sagas).isInstanceOf(JdbcSagaStore.class);
        String sagaId = UUID.randomUUID().toString();
        AssociationValue order = new AssociationValue("orderId", UUID.randomUUID().toString());
        transactions.executeWithoutResult(status -> sagas.insertSaga(TestSaga.class, sagaId, new TestSaga("placed"), Set.of(order)));

        Set<String> found = transactions.execute(status -> sagas.findSagas(TestSaga.class, order));
        assertThat(found).containsExactly(sagaId);
        assertThat(jdbc.queryForObject("SELECT id FROM association_value_entry WHERE saga_id = ?", Long.class, sagaId))
                .isPositive();

        AssociationValues associations = new AssociationValuesImpl(Set.of(order));
        transactions.executeWithoutResult(status -> sagas.updateSaga(TestSaga.class, sagaId, new TestSaga("confirmed"), associations));
        SagaStore.Entry<TestSaga> entry = transactions.execute(status -> sagas.loadSaga(TestSaga.class, sagaId));
        assertThat(entry.saga().status).isEqualTo("confirmed");
        assertThat(entry.associationValues()).containsExactly(order);

        transactions.executeWithoutResult(status -> sagas.deleteSaga(TestSaga.class, sagaId, Set.of(order)));
        Set<String> left = transactions.execute(status -> sagas.findSagas(TestSaga.class, order));
        assertThat(left).isEmpty();
        SagaStore.Entry<TestSaga> deleted = transactions.execute(status -> sagas.loadSaga(TestSaga.class, sagaId));
        assertThat(deleted).isNull();
    }

    /** A saga's state, as the serializer writes it. */
    static final class TestSaga {

        public String status;

        TestSaga() {
        }

        TestSaga(String status) {
            this.status = status;
        }
    }
}
