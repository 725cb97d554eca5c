package io.tributary.command.user;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.Optional;

final class UserRequests {

    /** Names have 2–100 characters and do not start or end with blanks (they are stripped first). */
    private static final String NAME = "\\S(.*\\S)?";

    private UserRequests() {
    }

    record Register(
            @NotBlank @Size(min = 2, max = 100) @Pattern(regexp = NAME, message = "must not start or end with blanks") String name,
            @NotBlank @Email @Size(max = 254) String email) {
    }

    /**
     * PATCH body (JSON merge patch semantics): an absent field is unchanged; {@code "age": null} and
     * {@code "bio": null} clear those fields. The name cannot be cleared.
     */
    record ChangeProfile(
            @Size(min = 2, max = 100) @Pattern(regexp = NAME, message = "must not start or end with blanks") String name,
            Optional<@Min(13) @Max(120) Integer> age,
            Optional<@Size(max = 2000) String> bio) {

        @AssertTrue(message = "must contain at least one of name, age, bio")
        public boolean isAnyFieldPresent() {
            return name != null || age != null || bio != null;
        }
    }

    record ChangeEmail(@NotBlank @Email @Size(max = 254) String email) {
    }
}
