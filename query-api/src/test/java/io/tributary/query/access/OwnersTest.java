package io.tributary.query.access;

import io.tributary.http.security.Caller;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class OwnersTest {

    private static final String ADAS_USER = "3f0c2a7e-0000-4000-8000-000000000001";
    private static final String NOBODYS_USER = "3f0c2a7e-0000-4000-8000-000000000002";
    private static final String UNKNOWN_USER = "3f0c2a7e-0000-4000-8000-000000000003";

    /** The users view: Ada's user, one registered without a token; the unknown user is not there. */
    private final Map<String, Optional<String>> users = Map.of(ADAS_USER, Optional.of("kc-ada"),
            NOBODYS_USER, Optional.empty());
    private final Owners owners = new Owners(userId -> users.getOrDefault(userId, Optional.empty()));

    @Test
    void aCustomerReadsForTheUserTheirSubjectOwns() {
        assertThat(owners.mayReadFor(Caller.withRoles("kc-ada", "customer"), ADAS_USER)).isTrue();
    }

    @Test
    void aCustomerReadsForNoOtherUser() {
        Caller grace = Caller.withRoles("kc-grace", "customer");

        assertThat(owners.mayReadFor(grace, ADAS_USER)).as("someone else's").isFalse();
        assertThat(owners.mayReadFor(grace, NOBODYS_USER)).as("registered without a token").isFalse();
        assertThat(owners.mayReadFor(grace, UNKNOWN_USER)).as("not in the view").isFalse();
    }

    @Test
    void aTokenWithoutRolesIsStillOnlyItsOwner() {
        assertThat(owners.mayReadFor(Caller.withRoles("kc-ada"), ADAS_USER)).isTrue();
        assertThat(owners.mayReadFor(Caller.withRoles("kc-grace"), ADAS_USER)).isFalse();
    }

    @Test
    void anAdminReadsForEveryUserWithoutAskingTheView() {
        Owners withoutView = new Owners(userId -> {
            throw new AssertionError("an admin's read must not look up " + userId);
        });
        Caller admin = Caller.withRoles("operator", "admin");

        assertThat(withoutView.mayReadFor(admin, ADAS_USER)).isTrue();
        assertThat(withoutView.mayReadFor(admin, UNKNOWN_USER)).isTrue();
    }

    @Test
    void nobodyAnonymousReadsForAnyUserWithoutAskingTheView() {
        Owners withoutView = new Owners(userId -> {
            throw new AssertionError("an anonymous read must not look up " + userId);
        });

        assertThat(withoutView.mayReadFor(Caller.nobody(), ADAS_USER)).isFalse();
    }
}
