package io.tributary.command.order;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tributary.command.handling.Requester;
import io.tributary.command.http.NoControlCharacters;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Objects;

final class OrderRequests {

    private OrderRequests() {
    }

    record Place(@NotBlank @Size(max = 64) @NoControlCharacters String userId,
                 @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Line> lines) {

        @JsonIgnore
        @AssertTrue(message = "each product may appear in one line only")
        public boolean isEachProductOnce() {
            return lines == null || lines.stream().filter(Objects::nonNull).map(Line::productId)
                    .filter(Objects::nonNull).distinct().count()
                    == lines.stream().filter(Objects::nonNull).map(Line::productId).filter(Objects::nonNull).count();
        }

        PlaceOrder toCommand(String orderId, Requester requester) {
            return new PlaceOrder(orderId, userId, lines.stream()
                    .map(line -> new PlaceOrder.RequestedLine(line.productId(), line.quantity()))
                    .toList(), requester);
        }
    }

    record Line(@NotBlank @Size(max = 64) @NoControlCharacters String productId,
                @NotNull @Min(1) @Max(1000) Integer quantity) {
    }
}
