package io.tributary.command.user;

import io.tributary.command.handling.AggregateVersion;
import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.InMemoryUniqueClaims;
import io.tributary.command.handling.Requester;
import io.tributary.command.handling.StaleVersionException;
import io.tributary.events.user.UserDeactivated;
import io.tributary.events.user.UserEmailChanged;
import io.tributary.events.user.UserProfileChanged;
import io.tributary.events.user.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Optional;

class UserTest {

    private static final String USER_ID = "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";
    private static final String OTHER_USER = "7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    /** Ada registered with her token: the account is hers. */
    private static final Requester ADA = Requester.customer("ada-subject");
    private static final UserRegistered REGISTERED =
            new UserRegistered(USER_ID, "Ada Lovelace", "ada@example.com", ADA.subject());

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
    void registeringAUserRecordsTheEventAndAnswersVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER_ID, "Ada Lovelace", "ada@example.com", ADA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(REGISTERED)
                .expectResultMessagePayload(new AggregateVersion(USER_ID, 1));
    }

    @Test
    void anEmailTakenByAnotherUserInAnyCaseIsRefused() {
        claims.claim(UserCommandHandler.EMAIL_SCOPE, "ADA@example.com", OTHER_USER);

        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER_ID, "Ada Lovelace", "ada@Example.COM", ADA))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("the e-mail address is already in use")
                .expectNoEvents();
    }

    @Test
    void profileChangesSanitiseTheBio() {
        fixture.given(REGISTERED)
                .when(new ChangeUserProfile(USER_ID, "Ada King", Optional.of(36), Optional.of(
                        "<b>Analyst</b><script>alert(1)</script><a href=\"javascript:alert(1)\" onclick=\"x()\">x</a>"
                                + "<a href=\"https://example.com\" onmouseover=\"y()\">site</a><img src=x onerror=z()>"),
                        null, ADA))
                .expectEvents(new UserProfileChanged(USER_ID, "Ada King", 36,
                        "<b>Analyst</b><a rel=\"nofollow\">x</a><a href=\"https://example.com\" rel=\"nofollow\">site</a>"))
                .expectResultMessagePayload(new AggregateVersion(USER_ID, 2));
    }

    @Test
    void absentFieldsKeepTheirValueAndEmptyOnesClearIt() {
        fixture.given(REGISTERED, new UserProfileChanged(USER_ID, "Ada King", 36, "<i>hi</i>"))
                .when(new ChangeUserProfile(USER_ID, null, Optional.empty(), null, null, ADA))
                .expectEvents(new UserProfileChanged(USER_ID, "Ada King", null, "<i>hi</i>"));
    }

    @Test
    void anUnchangedProfileRecordsNothing() {
        fixture.given(REGISTERED)
                .when(new ChangeUserProfile(USER_ID, "Ada Lovelace", null, null, null, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(new AggregateVersion(USER_ID, 1));
    }

    @Test
    void aStaleExpectedVersionIsRefused() {
        fixture.given(REGISTERED, new UserProfileChanged(USER_ID, "Ada King", null, null))
                .when(new ChangeUserProfile(USER_ID, "Ada B", null, null, 1L, ADA))
                .expectException(StaleVersionException.class)
                .expectNoEvents();
    }

    @Test
    void theCurrentExpectedVersionIsAccepted() {
        fixture.given(REGISTERED)
                .when(new ChangeUserProfile(USER_ID, "Ada B", null, null, 1L, ADA))
                .expectEvents(new UserProfileChanged(USER_ID, "Ada B", null, null));
    }

    @Test
    void changingTheEmailMovesTheClaim() {
        claims.claim(UserCommandHandler.EMAIL_SCOPE, "ada@example.com", USER_ID);

        fixture.given(REGISTERED)
                .when(new ChangeUserEmail(USER_ID, "ada.king@example.com", null, ADA))
                .expectEvents(new UserEmailChanged(USER_ID, "ada.king@example.com"));

        org.assertj.core.api.Assertions.assertThat(
                claims.claim(UserCommandHandler.EMAIL_SCOPE, "ada@example.com", OTHER_USER)).isTrue();
        org.assertj.core.api.Assertions.assertThat(
                claims.claim(UserCommandHandler.EMAIL_SCOPE, "Ada.King@example.com", OTHER_USER)).isFalse();
    }

    @Test
    void changingTheEmailToOneInUseIsRefused() {
        claims.claim(UserCommandHandler.EMAIL_SCOPE, "grace@example.com", OTHER_USER);

        fixture.given(REGISTERED)
                .when(new ChangeUserEmail(USER_ID, "grace@example.com", null, ADA))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aDeactivatedUserCannotChangeAnythingAndDeactivatingTwiceIsANoOp() {
        fixture.given(REGISTERED, new UserDeactivated(USER_ID))
                .when(new ChangeUserProfile(USER_ID, "Someone Else", null, null, null, ADA))
                .expectException(BusinessRuleViolation.class);

        fixture.given(REGISTERED, new UserDeactivated(USER_ID))
                .when(new DeactivateUser(USER_ID, null, ADA))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void deactivation() {
        fixture.given(REGISTERED)
                .when(new DeactivateUser(USER_ID, null, ADA))
                .expectEvents(new UserDeactivated(USER_ID))
                .expectResultMessagePayload(new AggregateVersion(USER_ID, 2));
    }
}
