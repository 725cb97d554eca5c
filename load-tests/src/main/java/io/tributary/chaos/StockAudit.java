package io.tributary.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the products' and orders' events of the event store: stock never negative, each stock event's levels
 * what the events before it add up to, and every order's reservation balanced with its final status (a confirmed
 * order holds what it ordered, a rejected or cancelled one nothing, and no order is left pending).
 */
final class StockAudit {

    private StockAudit() {
    }

    /**
     * @param negative   stock events with a negative available or reserved level
     * @param miscounted stock events whose levels differ from the sum of the events before them
     * @param unbalanced order lines whose reservation does not match the order's final status
     * @param pending    orders the saga has not confirmed or rejected (yet)
     */
    record Result(long products, long orders, long negative, long miscounted, long unbalanced, long pending,
                  Map<String, Long> ordersByStatus, List<String> examples) {

        boolean clean() {
            return negative + miscounted + unbalanced + pending == 0;
        }
    }

    static Result audit(List<StoredEvent> events) {
        Map<String, int[]> stock = new HashMap<>();             // product -> [available, reserved]
        Map<String, Map<String, Integer>> held = new HashMap<>(); // order -> product -> units reserved
        Map<String, Map<String, Integer>> ordered = new HashMap<>(); // order -> product -> units ordered
        Map<String, String> status = new HashMap<>();
        long negative = 0;
        long miscounted = 0;
        List<String> examples = new ArrayList<>();
        for (StoredEvent event : events) {
            JsonNode payload = event.payload();
            switch (event.type()) {
                case "ProductAdded" -> stock.put(event.aggregateId(), new int[]{payload.get("initialStock").asInt(), 0});
                case "ProductRestocked" -> {
                    int[] levels = stock.get(event.aggregateId());
                    levels[0] += payload.get("quantity").asInt();
                    miscounted += mismatch(levels, payload, event, examples);
                }
                case "StockReserved", "StockReleased", "StockShipped" -> {
                    int[] levels = stock.get(event.aggregateId());
                    int quantity = payload.get("quantity").asInt();
                    String order = payload.get("orderId").asText();
                    int sign = event.type().equals("StockReserved") ? 1 : -1;
                    held.computeIfAbsent(order, o -> new HashMap<>()).merge(event.aggregateId(), sign * quantity, Integer::sum);
                    if (!event.type().equals("StockShipped")) {
                        levels[0] -= sign * quantity;
                    }
                    levels[1] += sign * quantity;
                    miscounted += mismatch(levels, payload, event, examples);
                    if (payload.path("available").asInt(0) < 0 || payload.get("reserved").asInt() < 0) {
                        negative++;
                        example(examples, "negative stock at " + event.type() + " #" + event.sequence() + " of " + event.aggregateId());
                    }
                }
                case "OrderPlaced" -> {
                    status.put(event.aggregateId(), "PENDING");
                    Map<String, Integer> lines = new HashMap<>();
                    payload.get("lines").forEach(line -> lines.merge(line.get("productId").asText(),
                            line.get("quantity").asInt(), Integer::sum));
                    ordered.put(event.aggregateId(), lines);
                }
                case "OrderConfirmed" -> status.put(event.aggregateId(), "CONFIRMED");
                case "OrderRejected" -> status.put(event.aggregateId(), "REJECTED");
                case "OrderCancelled" -> status.put(event.aggregateId(), "CANCELLED");
                case "OrderShipped" -> status.put(event.aggregateId(), "SHIPPED");
                default -> {
                }
            }
        }
        long unbalanced = 0;
        long pending = 0;
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        for (Map.Entry<String, String> order : status.entrySet()) {
            byStatus.merge(order.getValue(), 1L, Long::sum);
            if (order.getValue().equals("PENDING")) {
                pending++;
                example(examples, "order " + order.getKey() + " is still pending");
                continue;
            }
            Map<String, Integer> holds = held.getOrDefault(order.getKey(), Map.of());
            for (Map.Entry<String, Integer> line : ordered.get(order.getKey()).entrySet()) {
                int expected = order.getValue().equals("CONFIRMED") ? line.getValue() : 0;
                int actual = holds.getOrDefault(line.getKey(), 0);
                if (actual != expected) {
                    unbalanced++;
                    example(examples, order.getValue() + " order " + order.getKey() + " holds " + actual + " of product "
                            + line.getKey() + ", expected " + expected);
                }
            }
        }
        for (Map.Entry<String, int[]> product : stock.entrySet()) {
            if (product.getValue()[0] < 0 || product.getValue()[1] < 0) {
                negative++;
                example(examples, "product " + product.getKey() + " ends with negative stock");
            }
        }
        return new Result(stock.size(), status.size(), negative, miscounted, unbalanced, pending, byStatus, examples);
    }

    /** 1 when the event's own levels differ from what the events before it add up to. */
    private static long mismatch(int[] levels, JsonNode payload, StoredEvent event, List<String> examples) {
        boolean differs = (payload.has("available") && payload.get("available").asInt() != levels[0])
                || (payload.has("reserved") && payload.get("reserved").asInt() != levels[1]);
        if (differs) {
            example(examples, event.type() + " #" + event.sequence() + " of " + event.aggregateId() + " says " + payload
                    + ", the events before it add up to available " + levels[0] + ", reserved " + levels[1]);
            levels[0] = payload.has("available") ? payload.get("available").asInt() : levels[0];
            levels[1] = payload.has("reserved") ? payload.get("reserved").asInt() : levels[1];
        }
        return differs ? 1 : 0;
    }

    private static void example(List<String> examples, String example) {
        if (examples.size() < 10) {
            examples.add(example);
        }
    }
}
