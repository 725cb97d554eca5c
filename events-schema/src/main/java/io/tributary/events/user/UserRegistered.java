package io.tributary.events.user;

import org.axonframework.serialization.Revision;

/** A new user account exists. The e-mail is stored as given; uniqueness is case-insensitive. */
@Revision("1")
public record UserRegistered(String userId, String name, String email) implements UserEvent {
}
