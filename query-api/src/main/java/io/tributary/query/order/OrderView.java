package io.tributary.query.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tributary.events.AggregateType;
import io.tributary.query.view.DocumentView;
import io.tributary.query.view.Money;
import io.tributary.query.view.Versioned;
import org.bson.Document;

import java.time.Instant;
import java.util.List;

import static io.tributary.query.view.DocumentFields.instant;
import static io.tributary.query.view.DocumentFields.versionOf;

/** An order as read clients see it, with its lines priced at placement and its status history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderView(String id, String userId, String status, List<Line> lines, Money total, Instant placedAt,
                        Instant updatedAt, String rejectionReason, List<StatusChange> statusHistory, long version)
        implements Versioned {

    /** The {@code orders} view in MongoDB. */
    public static final DocumentView<OrderView> VIEW = new DocumentView<>("orders", AggregateType.ORDER, OrderView::from);

    public record Line(String productId, int quantity, Money unitPrice, Money lineTotal) {
    }

    public record StatusChange(String status, Instant at, long version) {
    }

    private static OrderView from(Document document) {
        return new OrderView(document.getString("_id"), document.getString("userId"), document.getString("status"),
                document.getList("lines", Document.class, List.of()).stream().map(OrderView::line).toList(),
                Money.from(document.get("total", Document.class)), instant(document, "placedAt"),
                instant(document, "updatedAt"), document.getString("rejectionReason"),
                document.getList("statusHistory", Document.class, List.of()).stream().map(OrderView::statusChange).toList(),
                versionOf(document));
    }

    private static Line line(Document line) {
        return new Line(line.getString("productId"), line.get("quantity", Number.class).intValue(),
                Money.from(line.get("unitPrice", Document.class)), Money.from(line.get("lineTotal", Document.class)));
    }

    private static StatusChange statusChange(Document change) {
        return new StatusChange(change.getString("status"), instant(change, "at"), versionOf(change));
    }
}
