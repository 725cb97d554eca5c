package io.tributary.projections.product;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Inputs of a product's completion field: the whole name, so a prefix of it completes, and each of its words,
 * so "key" finds "Mechanical Keyboard" as well.
 */
final class ProductSuggestions {

    private static final Pattern WORD_SEPARATORS = Pattern.compile("\\s+");

    private ProductSuggestions() {
    }

    static List<String> inputs(String name) {
        Set<String> inputs = new LinkedHashSet<>();
        String trimmed = name.strip();
        if (!trimmed.isEmpty()) {
            inputs.add(trimmed);
            inputs.addAll(List.of(WORD_SEPARATORS.split(trimmed)));
        }
        return List.copyOf(inputs);
    }
}
