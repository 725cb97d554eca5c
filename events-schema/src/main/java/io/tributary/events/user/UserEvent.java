package io.tributary.events.user;

import io.tributary.events.DomainEvent;

public sealed interface UserEvent extends DomainEvent
        permits UserRegistered, UserProfileChanged, UserEmailChanged, UserDeactivated {

    String userId();

    @Override
    default String aggregateId() {
        return userId();
    }
}
