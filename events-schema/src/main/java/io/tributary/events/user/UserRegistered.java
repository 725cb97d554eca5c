package io.tributary.events.user;

import org.axonframework.serialization.Revision;

/**
 * A new user account exists. The e-mail is stored as given; uniqueness is case-insensitive.
 *
 * @param subject the identity provider's subject of the token that registered the account, which thereby owns it;
 *                null for an account registered without a token (only admins act on it). Added as an optional
 *                field of revision 1: events stored before it read as having none.
 */
@Revision("1")
public record UserRegistered(String userId, String name, String email, String subject) implements UserEvent {

    /** An account registered without a token. */
    public UserRegistered(String userId, String name, String email) {
        this(userId, name, email, null);
    }
}
