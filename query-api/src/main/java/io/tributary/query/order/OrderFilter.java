package io.tributary.query.order;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import com.mongodb.client.model.Filters;
import io.tributary.events.order.OrderStatus;
import io.tributary.query.http.Parameters;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The order filters shared by search and export, validated and typed: a status, a user, and a placement
 * period ({@code from} inclusive, {@code to} exclusive). Absent fields do not filter.
 */
public record OrderFilter(OrderStatus status, String userId, Instant from, Instant to) {

    public static OrderFilter of(String status, String userId, String from, String to) {
        Instant since = Parameters.optionalInstant("from", from);
        Instant until = Parameters.optionalInstant("to", to);
        Parameters.requireOrdered("to", since, until, "must not be before from");
        return new OrderFilter(Parameters.optionalChoice("status", status, OrderStatus.class),
                Parameters.optionalUuid("userId", userId), since, until);
    }

    /** For the MongoDB {@code orders} view. */
    public Bson toMongo() {
        List<Bson> filters = new ArrayList<>();
        if (status != null) {
            filters.add(Filters.eq("status", status.name()));
        }
        if (userId != null) {
            filters.add(Filters.eq("userId", userId));
        }
        if (from != null) {
            filters.add(Filters.gte("placedAt", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("placedAt", Date.from(to)));
        }
        return filters.isEmpty() ? Filters.empty() : Filters.and(filters);
    }

    /** For the Elasticsearch {@code orders} alias: term and range filters only. */
    Query toSearch() {
        return Query.of(query -> query.bool(bool -> {
            if (status != null) {
                bool.filter(filter -> filter.term(term -> term.field("status").value(status.name())));
            }
            if (userId != null) {
                bool.filter(filter -> filter.term(term -> term.field("userId").value(userId)));
            }
            if (from != null || to != null) {
                bool.filter(filter -> filter.range(range -> range.date(placed -> {
                    placed.field("placedAt");
                    if (from != null) {
                        placed.gte(from.toString());
                    }
                    if (to != null) {
                        placed.lt(to.toString());
                    }
                    return placed;
                })));
            }
            return bool;
        }));
    }
}
