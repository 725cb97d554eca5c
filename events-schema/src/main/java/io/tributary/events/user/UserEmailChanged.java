package io.tributary.events.user;

import org.axonframework.serialization.Revision;

@Revision("1")
public record UserEmailChanged(String userId, String email) implements UserEvent {
}
