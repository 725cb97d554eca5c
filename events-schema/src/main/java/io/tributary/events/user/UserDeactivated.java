package io.tributary.events.user;

import org.axonframework.serialization.Revision;

/** The user can no longer place orders. */
@Revision("1")
public record UserDeactivated(String userId) implements UserEvent {
}
