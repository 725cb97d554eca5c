package io.tributary.query.user;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A user as read clients see it. Optional fields are left out when not set. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserView(String id, String name, String email, Integer age, String bio, Instant registeredAt,
                       Instant deactivatedAt, long version) {
}
