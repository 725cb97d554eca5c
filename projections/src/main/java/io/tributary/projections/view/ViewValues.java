package io.tributary.projections.view;

import io.tributary.events.money.Money;
import org.bson.Document;

/** How values of events are stored in the views, the same in every view. */
public final class ViewValues {

    private ViewValues() {
    }

    /**
     * Exact: the amount stays the decimal string the event carries, e.g.
     * {@code {amount: "149.00", currency: "EUR"}}.
     */
    public static Document money(Money money) {
        return new Document("amount", money.amount().toPlainString()).append("currency", money.currency());
    }

    /** For ranges and facets in search only, never for display. */
    public static double approximateAmount(Money money) {
        return money.amount().doubleValue();
    }
}
