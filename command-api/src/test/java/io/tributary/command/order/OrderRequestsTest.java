package io.tributary.command.order;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static io.tributary.command.RequestValidation.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits of an order request, checked before any command exists: 1–100 lines, 1–1,000 units, each product
 * once, no control characters in the ids.
 */
class OrderRequestsTest {

    private static final String USER = "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";

    @Test
    void theLargestOrderAllowedIsValid() {
        assertThat(invalidFields(new OrderRequests.Place(USER, lines(100, 1000)))).isEmpty();
    }

    @Test
    void anOrderHasOneToAHundredLines() {
        assertThat(invalidFields(new OrderRequests.Place(USER, List.of()))).containsExactly("lines");
        assertThat(invalidFields(new OrderRequests.Place(USER, lines(101, 1)))).containsExactly("lines");
    }

    @Test
    void aLineOrdersOneToAThousandUnits() {
        assertThat(invalidFields(new OrderRequests.Place(USER, lines(1, 0)))).containsExactly("lines[0].quantity");
        assertThat(invalidFields(new OrderRequests.Place(USER, lines(1, 1001)))).containsExactly("lines[0].quantity");
    }

    @Test
    void eachProductAppearsInOneLineOnly() {
        OrderRequests.Line line = new OrderRequests.Line("5a1c9f6e-3b7d-4e8a-9c2f-1d0e4b6a8c3f", 1);
        assertThat(invalidFields(new OrderRequests.Place(USER, List.of(line, line)))).containsExactly("eachProductOnce");
    }

    @Test
    void idsHaveNoControlCharacters() {
        assertThat(invalidFields(new OrderRequests.Place(USER + "\u0000", lines(1, 1)))).containsExactly("userId");
        List<OrderRequests.Line> line = List.of(new OrderRequests.Line("product\u001B", 1));
        assertThat(invalidFields(new OrderRequests.Place(USER, line))).containsExactly("lines[0].productId");
    }

    private static List<OrderRequests.Line> lines(int count, int quantity) {
        return IntStream.range(0, count).mapToObj(i -> new OrderRequests.Line("product-" + i, quantity)).toList();
    }
}
