package io.tributary.query.access;

import io.tributary.http.security.Caller;
import org.springframework.stereotype.Component;

/**
 * The read side's ownership rule: a user belongs to the subject its registration named, and an order to its
 * user's owner. An admin may read everything, and is answered without a look at the users view.
 */
@Component
public class Owners {

    private final UserSubjects subjects;

    Owners(UserSubjects subjects) {
        this.subjects = subjects;
    }

    /**
     * Whether the caller may read what belongs to this user. A user the view does not hold (yet) is nobody's, so
     * only an admin reads what belongs to it; the link itself never changes once made, so any version of the user
     * document answers.
     */
    public boolean mayReadFor(Caller caller, String userId) {
        return caller.admin()
                || (!caller.anonymous() && subjects.subjectOf(userId).map(caller::mayActFor).orElse(false));
    }
}
