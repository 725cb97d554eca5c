package io.tributary.command.user;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.InMemoryUniqueClaims;
import io.tributary.command.handling.Requester;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.CustomTypeSafeMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static io.tributary.command.handling.UnknownAggregate.notFound;

/**
 * A registration with a token makes its subject the account's owner, once per subject; an account is changed by
 * its owner or an admin, and answers anyone else as an unknown id does.
 */
class UserOwnershipTest {

    private static final String USER_ID = "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";
    private static final String OTHER_USER = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final Requester ADA = Requester.customer("ada-subject");
    private static final Requester GRACE = Requester.customer("grace-subject");
    private static final Requester OPERATOR = Requester.admin("operator-subject");
    private static final UserRegistered ADAS = new UserRegistered(USER_ID, "Ada Lovelace", "ada@example.com", ADA.subject());
    /** Registered without a token: nobody's but the admins'. */
    private static final UserRegistered NOBODYS = new UserRegistered(USER_ID, "Ada Lovelace", "ada@example.com");

    /** Every way to change an account, as a given requester. */
    private static final List<Function<Requester, Object>> CHANGES = List.of(
            requester -> new ChangeUserProfile(USER_ID, "Ada King", null, null, null, requester),
            requester -> new ChangeUserEmail(USER_ID, "ada.king@example.com", null, requester),
            requester -> new DeactivateUser(USER_ID, null, requester));

    private AggregateTestFixture<User> fixture;
    private InMemoryUniqueClaims claims;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        claims = new InMemoryUniqueClaims();
        fixture.registerAnnotatedCommandHandler(
                new UserCommandHandler(fixture.getRepository(), claims, new BioSanitizer()));
    }

    @Test
    void aRegistrationWithATokenRecordsItsSubjectAsTheOwner() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER_ID, "Ada Lovelace", "ada@example.com", ADA))
                .expectEvents(ADAS);
    }

    @Test
    void aRegistrationWithoutATokenHasNoOwner() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER_ID, "Ada Lovelace", "ada@example.com", Requester.anonymous()))
                .expectEvents(NOBODYS);
    }

    @Test
    void aSubjectThatOwnsAnAccountCannotRegisterASecond() {
        claims.claim(UserCommandHandler.SUBJECT_SCOPE, ADA.subject(), OTHER_USER);

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER_ID, "Ada Again", "ada.again@example.com", ADA))
                .expectNoEvents()
                .expectException(violation("subject-already-registered"));
    }

    @Test
    void aDeactivatedAccountKeepsItsSubject() {
        claims.claim(UserCommandHandler.SUBJECT_SCOPE, ADA.subject(), USER_ID);

        fixture.given(ADAS)
                .when(new DeactivateUser(USER_ID, null, ADA))
                .expectEvents(new UserDeactivated(USER_ID));

        assertThat(claims.claim(UserCommandHandler.SUBJECT_SCOPE, ADA.subject(), OTHER_USER)).isFalse();
    }

    @Test
    void theOwnerChangesTheirAccount() {
        fixture.given(ADAS)
                .when(new ChangeUserProfile(USER_ID, "Ada King", null, null, null, ADA))
                .expectEvents(new UserProfileChanged(USER_ID, "Ada King", null, null));
        fixture.given(ADAS)
                .when(new ChangeUserEmail(USER_ID, "ada.king@example.com", null, ADA))
                .expectEvents(new UserEmailChanged(USER_ID, "ada.king@example.com"));
        fixture.given(ADAS)
                .when(new DeactivateUser(USER_ID, null, ADA))
                .expectEvents(new UserDeactivated(USER_ID));
    }

    @Test
    void toAnotherCustomerAnAccountDoesNotExist() {
        for (Function<Requester, Object> change : CHANGES) {
            fixture.given(ADAS)
                    .when(change.apply(GRACE))
                    .expectNoEvents()
                    .expectException(notFound(USER_ID));
        }
    }

    @Test
    void anotherCustomerLearnsNeitherTheVersionNorTheStateOfAnAccount() {
        fixture.given(ADAS)
                .when(new ChangeUserProfile(USER_ID, "Ada King", null, null, 7L, GRACE))
                .expectException(notFound(USER_ID));
        fixture.given(ADAS, new UserDeactivated(USER_ID))
                .when(new ChangeUserProfile(USER_ID, "Ada King", null, null, null, GRACE))
                .expectException(notFound(USER_ID));
    }

    @Test
    void anAdminChangesAnyAccount() {
        fixture.given(ADAS)
                .when(new ChangeUserProfile(USER_ID, "Ada King", null, null, null, OPERATOR))
                .expectEvents(new UserProfileChanged(USER_ID, "Ada King", null, null))
                .expectResultMessagePayload(new AggregateVersion(USER_ID, 2));
        fixture.given(ADAS)
                .when(new DeactivateUser(USER_ID, null, OPERATOR))
                .expectEvents(new UserDeactivated(USER_ID));
    }

    @Test
    void anAccountRegisteredWithoutATokenIsChangedByAdminsOnly() {
        for (Function<Requester, Object> change : CHANGES) {
            fixture.given(NOBODYS).when(change.apply(ADA)).expectNoEvents().expectException(notFound(USER_ID));
            fixture.given(NOBODYS).when(change.apply(Requester.anonymous())).expectNoEvents()
                    .expectException(notFound(USER_ID));
            fixture.given(NOBODYS).when(change.apply(OPERATOR)).expectSuccessfulHandlerExecution();
        }
    }

    private static Matcher<Object> violation(String code) {
        return new CustomTypeSafeMatcher<>("a business rule violation " + code) {
            @Override
            protected boolean matchesSafely(Object item) {
                return item instanceof BusinessRuleViolation violation && violation.code().equals(code);
            }
        };
    }

}
