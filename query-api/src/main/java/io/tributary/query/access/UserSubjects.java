package io.tributary.query.access;

import java.util.Optional;

/**
 * The subject a user is linked to, its owner, as the users view holds it now. The user reads provide it, so
 * that the order reads can ask who owns an order without knowing the user feature.
 */
@FunctionalInterface
public interface UserSubjects {

    /** Empty when the view holds no such user, or the user was registered without a token (nobody owns it). */
    Optional<String> subjectOf(String userId);
}
