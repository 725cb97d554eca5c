package io.tributary.command.user;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import io.tributary.command.handling.Requester;
import io.tributary.command.http.NoControlCharacters;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

final class UserRequests {

    /** Names have 2–100 characters and do not start or end with blanks (they are stripped first). */
    private static final String NAME = "\\S(.*\\S)?";

    private UserRequests() {
    }

    record Register(
            @NotBlank @Size(min = 2, max = 100) @Pattern(regexp = NAME, message = "must not start or end with blanks")
            @NoControlCharacters String name,
            @NotBlank @Email @Size(max = 254) @NoControlCharacters String email) {
    }

    /**
     * PATCH body with JSON merge patch semantics: an absent field is unchanged; {@code "age": null} and
     * {@code "bio": null} clear those fields; the name cannot be cleared. The bio is free text over several
     * lines. A class with setters rather than a record, because only setters tell an absent field from an
     * explicit null. The fields are named as JSON properties too, so the OpenAPI description shows their rules.
     */
    static final class ChangeProfile {

        @JsonProperty
        @Size(min = 2, max = 100)
        @Pattern(regexp = NAME, message = "must not start or end with blanks")
        @NoControlCharacters
        private String name;
        @JsonProperty
        @Min(13)
        @Max(120)
        private Integer age;
        @JsonProperty
        @Size(max = 2000)
        @NoControlCharacters(multiLine = true)
        private String bio;
        private final Set<String> present = new HashSet<>();

        @JsonSetter("name")
        void setName(String name) {
            this.name = name;
            present.add("name");
        }

        @JsonSetter("age")
        void setAge(Integer age) {
            this.age = age;
            present.add("age");
        }

        @JsonSetter("bio")
        void setBio(String bio) {
            this.bio = bio;
            present.add("bio");
        }

        @JsonIgnore
        @AssertTrue(message = "must contain at least one of name, age, bio")
        public boolean isAnyFieldPresent() {
            return !present.isEmpty();
        }

        @JsonIgnore
        @AssertTrue(message = "the name cannot be removed")
        public boolean isNameKept() {
            return !present.contains("name") || name != null;
        }

        ChangeUserProfile toCommand(String userId, Long expectedVersion, Requester requester) {
            return new ChangeUserProfile(userId, name, change("age", age), change("bio", bio), expectedVersion,
                    requester);
        }

        /** null: leave as is; empty: clear; a value: set. */
        private <T> Optional<T> change(String field, T value) {
            return present.contains(field) ? Optional.ofNullable(value) : null;
        }
    }

    record ChangeEmail(@NotBlank @Email @Size(max = 254) @NoControlCharacters String email) {
    }
}
