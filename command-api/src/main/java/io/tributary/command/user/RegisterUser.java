package io.tributary.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RegisterUser(@TargetAggregateIdentifier String userId, String name, String email) {
}
