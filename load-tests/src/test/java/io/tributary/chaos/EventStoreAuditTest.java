package io.tributary.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventStoreAuditTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aCommandAnswered2xxWhoseEventIsMissingIsLost() throws IOException {
        List<Command> commands = List.of(register("a@example.com", Command.Outcome.ACKED, "u1"),
                register("b@example.com", Command.Outcome.ACKED, "u2"));

        EventStoreAudit.Result result = EventStoreAudit.audit(commands, List.of(registered("u1", "a@example.com")));

        assertThat(result.lost()).isEqualTo(2); // b's registration, and the id u2 it was answered with
        assertThat(result.duplicated()).isZero();
    }

    @Test
    void anUnansweredCommandMayBeInTheStoreOnceButNotTwice() throws IOException {
        List<Command> commands = List.of(register("a@example.com", Command.Outcome.UNKNOWN, null));

        assertThat(EventStoreAudit.audit(commands, List.of()).duplicated()).isZero();
        assertThat(EventStoreAudit.audit(commands, List.of(registered("u1", "a@example.com"))).duplicated()).isZero();
        assertThat(EventStoreAudit.audit(commands, List.of(registered("u1", "a@example.com"),
                registered("u2", "a@example.com"))).duplicated()).isEqualTo(1);
    }

    @Test
    void aRefusedCommandWithAnEffectAndAnEffectNoCommandExplainsAreDuplicates() throws IOException {
        List<Command> commands = List.of(register("a@example.com", Command.Outcome.REFUSED, null));

        EventStoreAudit.Result result = EventStoreAudit.audit(commands, List.of(registered("u1", "a@example.com"),
                registered("u2", "stranger@example.com")));

        assertThat(result.duplicated()).isEqualTo(2);
        assertThat(result.lost()).isZero();
    }

    @Test
    void effectsOfSeveralCommandsOnOneSubjectAreCountedTogether() throws IOException {
        List<Command> commands = List.of(
                new Command(Command.Kind.PLACE_ORDER, "u1", "k1", Command.Outcome.ACKED, 201, "o1", 1),
                new Command(Command.Kind.PLACE_ORDER, "u1", "k2", Command.Outcome.UNKNOWN, -1, null, 3));

        EventStoreAudit.Result twoOrders = EventStoreAudit.audit(commands, List.of(placed("o1", "u1"), placed("o2", "u1")));
        EventStoreAudit.Result threeOrders = EventStoreAudit.audit(commands,
                List.of(placed("o1", "u1"), placed("o2", "u1"), placed("o3", "u1")));

        assertThat(twoOrders.lost() + twoOrders.duplicated()).isZero();
        assertThat(threeOrders.duplicated()).isEqualTo(1);
    }

    private static Command register(String email, Command.Outcome outcome, String id) {
        return new Command(Command.Kind.REGISTER_USER, email, "key-" + email, outcome,
                outcome == Command.Outcome.ACKED ? 201 : outcome == Command.Outcome.REFUSED ? 409 : -1, id, 1);
    }

    static StoredEvent registered(String id, String email) throws IOException {
        return new StoredEvent(0, id, 0, "UserRegistered",
                JSON.readTree("{\"userId\":\"" + id + "\",\"name\":\"N\",\"email\":\"" + email + "\"}"));
    }

    private static StoredEvent placed(String id, String user) throws IOException {
        return new StoredEvent(0, id, 0, "OrderPlaced", JSON.readTree("{\"orderId\":\"" + id + "\",\"userId\":\"" + user
                + "\",\"lines\":[]}"));
    }
}
