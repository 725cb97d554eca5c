package io.tributary.projections.order;

import io.tributary.events.money.Money;
import io.tributary.events.order.OrderLine;
import io.tributary.events.order.OrderPlaced;
import io.tributary.projections.envelope.UnreadableEventException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTotalsTest {

    @Test
    void anOrderWhoseLinesAddUpToItsTotalIsTaken() {
        OrderPlaced placed = new OrderPlaced("o-1", "u-1", List.of(
                new OrderLine("p-1", 2, Money.of("149.00", "EUR")),
                new OrderLine("p-2", 1, Money.of("0.99", "EUR"))), Money.of("298.99", "EUR"));

        assertThat(OrderTotals.requireConsistent(placed)).isSameAs(placed);
    }

    @Test
    void aTotalTheLinesContradictIsRefused() {
        OrderPlaced placed = new OrderPlaced("o-1", "u-1", List.of(new OrderLine("p-1", 2, Money.of("149.00", "EUR"))),
                Money.of("149.00", "EUR"));

        assertThatThrownBy(() -> OrderTotals.requireConsistent(placed))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("order o-1 totals 149.00 EUR, its lines 298.00 EUR");
    }

    @Test
    void mixedCurrenciesAreRefused() {
        OrderPlaced placed = new OrderPlaced("o-1", "u-1", List.of(
                new OrderLine("p-1", 1, Money.of("1.00", "EUR")),
                new OrderLine("p-2", 1, Money.of("1.00", "USD"))), Money.of("2.00", "EUR"));

        assertThatThrownBy(() -> OrderTotals.requireConsistent(placed))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("order o-1 mixes currencies");
    }

    @Test
    void anOrderWithoutLinesIsRefused() {
        OrderPlaced placed = new OrderPlaced("o-1", "u-1", List.of(), Money.of("0.00", "EUR"));

        assertThatThrownBy(() -> OrderTotals.requireConsistent(placed))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("order o-1 has no lines");
    }
}
