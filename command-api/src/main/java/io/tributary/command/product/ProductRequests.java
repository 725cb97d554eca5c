package io.tributary.command.product;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tributary.command.http.MoneyRequest;
import io.tributary.command.http.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A product's description is free text over several lines; its name and category are single lines. */
final class ProductRequests {

    private ProductRequests() {
    }

    record Add(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "letters, digits, '.', '_' and '-' only") String sku,
            @NotBlank @Size(max = 200) @NoControlCharacters String name,
            @NotNull @Size(max = 5000) @NoControlCharacters(multiLine = true) String description,
            @NotBlank @Size(max = 100) @NoControlCharacters String category,
            @NotNull @Valid MoneyRequest price,
            @NotNull @Min(0) @Max(Product.MAX_AVAILABLE) Integer initialStock) {
    }

    /** PATCH body: absent fields are unchanged. */
    record ChangeDetails(
            @Size(min = 1, max = 200) @NoControlCharacters String name,
            @Size(max = 5000) @NoControlCharacters(multiLine = true) String description,
            @Size(min = 1, max = 100) @NoControlCharacters String category) {

        @JsonIgnore
        @AssertTrue(message = "must contain at least one of name, description, category")
        public boolean isAnyFieldPresent() {
            return name != null || description != null || category != null;
        }
    }

    record Restock(@NotNull @Min(1) @Max(1_000_000) Integer quantity) {
    }
}
