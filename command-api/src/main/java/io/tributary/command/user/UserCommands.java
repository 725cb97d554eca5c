package io.tributary.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Optional;

record RegisterUser(@TargetAggregateIdentifier String userId, String name, String email) {
}

/**
 * A partial update: a null field keeps its value; for the optional fields an empty Optional clears them.
 * The bio arrives unsanitised; the handler sanitises it.
 */
record ChangeUserProfile(@TargetAggregateIdentifier String userId, String name, Optional<Integer> age,
                         Optional<String> bio, Long expectedVersion) {
}

record ChangeUserEmail(@TargetAggregateIdentifier String userId, String email, Long expectedVersion) {
}

record DeactivateUser(@TargetAggregateIdentifier String userId, Long expectedVersion) {
}
