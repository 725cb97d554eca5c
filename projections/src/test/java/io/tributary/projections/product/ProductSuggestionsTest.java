package io.tributary.projections.product;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProductSuggestionsTest {

    @Test
    void theWholeNameThenEachWordOnce() {
        assertThat(ProductSuggestions.inputs("  Mechanical   Keyboard\tMechanical "))
                .containsExactly("Mechanical   Keyboard\tMechanical", "Mechanical", "Keyboard");
    }

    @Test
    void aOneWordNameIsOneInput() {
        assertThat(ProductSuggestions.inputs("Lamp")).containsExactly("Lamp");
    }

    @Test
    void aBlankNameSuggestsNothing() {
        assertThat(ProductSuggestions.inputs(" ")).isEmpty();
    }
}
