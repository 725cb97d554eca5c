package io.tributary.events.user;

import org.axonframework.serialization.Revision;

/** The full profile after the change; age and bio may be null (not given). Bio is already sanitised HTML. */
@Revision("1")
public record UserProfileChanged(String userId, String name, Integer age, String bio) implements UserEvent {
}
