package io.tributary.command.product;

import io.tributary.command.http.MoneyRequest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static io.tributary.command.RequestValidation.invalidFields;
import static org.assertj.core.api.Assertions.assertThat;

/** Product request bodies refuse control characters; only the description, free text over several lines, keeps line breaks and tabs. */
class ProductRequestsTest {

    private static final MoneyRequest PRICE = new MoneyRequest(new BigDecimal("19.90"), "EUR");

    @Test
    void aNewProductRefusesControlCharactersInNameAndCategory() {
        assertThat(invalidFields(add("Loom", "A hand loom", "machines"))).isEmpty();
        assertThat(invalidFields(add("Lo\u0000om", "A hand loom", "machines"))).containsExactly("name");
        assertThat(invalidFields(add("Loom", "A hand loom", "machines\t"))).containsExactly("category");
    }

    @Test
    void aNewProductsDescriptionKeepsLineBreaksAndTabsButNoOtherControlCharacters() {
        assertThat(invalidFields(add("Loom", "A hand loom.\r\n\n\tOak, 120 cm.", "machines"))).isEmpty();
        assertThat(invalidFields(add("Loom", "A hand loom\u0007", "machines"))).containsExactly("description");
        assertThat(invalidFields(add("Loom", "A hand loom\u0085", "machines"))).containsExactly("description");
    }

    @Test
    void changedDetailsFollowTheSameRules() {
        assertThat(invalidFields(new ProductRequests.ChangeDetails("Loom", "Oak.\nBeech.", "machines"))).isEmpty();
        assertThat(invalidFields(new ProductRequests.ChangeDetails("Loom\u001F", null, null))).containsExactly("name");
        assertThat(invalidFields(new ProductRequests.ChangeDetails(null, "Oak\u0000", null))).containsExactly("description");
        assertThat(invalidFields(new ProductRequests.ChangeDetails(null, null, "mach\u0090ines"))).containsExactly("category");
    }

    private static ProductRequests.Add add(String name, String description, String category) {
        return new ProductRequests.Add("LOOM-1", name, description, category, PRICE, 10);
    }

    /** Each refused field once, though it may break several rules. */
}
