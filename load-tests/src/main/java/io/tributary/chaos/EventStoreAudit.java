package io.tributary.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Holds every command's outcome against the event store itself (PostgreSQL's {@code domain_event_entry}, read
 * directly): a command answered 2xx must have its effect there exactly once, a refused one none, one whose answer
 * was lost at most one. Effects are counted per subject: the registrations of an e-mail address, the products of
 * a SKU, the orders of a user, the cancellations of an order, the restocks of a product.
 */
final class EventStoreAudit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> CREATIONS = Set.of("UserRegistered", "ProductAdded", "OrderPlaced");

    private EventStoreAudit() {
    }

    /**
     * @param lost       commands answered 2xx whose effect is missing
     * @param duplicated effects beyond what the commands can explain: more than one per acknowledged or unknown
     *                   command, any for a refused one, a second creation event of one aggregate
     * @param examples   a few of each, for the report
     */
    record Result(long events, long lost, long duplicated, List<String> examples) {
    }

    static List<StoredEvent> read(Connection connection) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select global_index, aggregate_identifier, sequence_number,"
                     + " payload_type, convert_from(payload, 'UTF8') from domain_event_entry order by global_index")) {
            while (rows.next()) {
                String type = rows.getString(4);
                events.add(new StoredEvent(rows.getLong(1), rows.getString(2), rows.getLong(3),
                        type.substring(type.lastIndexOf('.') + 1), JSON.readTree(rows.getString(5))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("an event's payload is not JSON", e);
        }
        return events;
    }

    static Result audit(Collection<Command> commands, List<StoredEvent> events) {
        Map<Command.Kind, Map<String, Long>> effects = new EnumMap<>(Command.Kind.class);
        Map<String, Long> creations = new HashMap<>();
        for (StoredEvent event : events) {
            if (CREATIONS.contains(event.type())) {
                creations.merge(event.aggregateId(), 1L, Long::sum);
            }
            switch (event.type()) {
                case "UserRegistered" -> count(effects, Command.Kind.REGISTER_USER, event.payload().get("email").asText());
                case "ProductAdded" -> count(effects, Command.Kind.ADD_PRODUCT, event.payload().get("sku").asText());
                case "OrderPlaced" -> count(effects, Command.Kind.PLACE_ORDER, event.payload().get("userId").asText());
                case "OrderCancelled" -> count(effects, Command.Kind.CANCEL_ORDER, event.aggregateId());
                case "ProductRestocked" -> count(effects, Command.Kind.RESTOCK, event.aggregateId());
                default -> {
                }
            }
        }
        Map<Command.Kind, Map<String, long[]>> expected = new EnumMap<>(Command.Kind.class);
        long lost = 0;
        long duplicated = 0;
        List<String> examples = new ArrayList<>();
        for (Command command : commands) {
            // [acknowledged, unknown] per subject
            long[] bounds = expected.computeIfAbsent(command.kind(), kind -> new HashMap<>())
                    .computeIfAbsent(command.subject(), subject -> new long[2]);
            switch (command.outcome()) {
                case ACKED -> bounds[0]++;
                case UNKNOWN -> bounds[1]++;
                case REFUSED -> {
                }
            }
            if (command.outcome() == Command.Outcome.ACKED && command.aggregateId() != null) {
                long created = creations.getOrDefault(command.aggregateId(), 0L);
                if (created == 0) {
                    lost++;
                    example(examples, command.kind() + " answered " + command.status() + " with id " + command.aggregateId()
                            + ", which the event store does not know");
                } else if (created > 1) {
                    duplicated += created - 1;
                    example(examples, command.aggregateId() + " was created " + created + " times");
                }
            }
        }
        for (Map.Entry<Command.Kind, Map<String, long[]>> kind : expected.entrySet()) {
            Map<String, Long> found = effects.getOrDefault(kind.getKey(), Map.of());
            for (Map.Entry<String, long[]> subject : kind.getValue().entrySet()) {
                long acknowledged = subject.getValue()[0];
                long unknown = subject.getValue()[1];
                long stored = found.getOrDefault(subject.getKey(), 0L);
                if (stored < acknowledged) {
                    lost += acknowledged - stored;
                    example(examples, kind.getKey().label() + " of " + subject.getKey() + ": " + acknowledged
                            + " answered 2xx, " + stored + " in the event store");
                } else if (stored > acknowledged + unknown) {
                    duplicated += stored - acknowledged - unknown;
                    example(examples, kind.getKey().label() + " of " + subject.getKey() + ": " + stored
                            + " in the event store for " + acknowledged + " answered 2xx and " + unknown + " unanswered");
                }
            }
        }
        for (Map.Entry<Command.Kind, Map<String, Long>> kind : effects.entrySet()) {
            Map<String, long[]> sent = expected.getOrDefault(kind.getKey(), Map.of());
            for (Map.Entry<String, Long> subject : kind.getValue().entrySet()) {
                if (!sent.containsKey(subject.getKey())) {
                    duplicated += subject.getValue();
                    example(examples, kind.getKey().label() + " of " + subject.getKey() + ": " + subject.getValue()
                            + " in the event store, but no such command was sent");
                }
            }
        }
        return new Result(events.size(), lost, duplicated, examples);
    }

    private static void count(Map<Command.Kind, Map<String, Long>> effects, Command.Kind kind, String subject) {
        effects.computeIfAbsent(kind, k -> new HashMap<>()).merge(subject, 1L, Long::sum);
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }
}
