package io.tributary.command.user;

import io.tributary.command.http.AggregateVersion;
import io.tributary.events.user.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserTest {

    private static final String USER_ID = "0b6f3a52-8a43-4d6c-9a55-4c1f1d3e2a10";

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerAnnotatedCommandHandler(new UserCommandHandler(fixture.getRepository()));
    }

    @Test
    void registeringAUserRecordsTheEventAndAnswersVersionOne() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER_ID, "Ada Lovelace", "ada@example.com"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new UserRegistered(USER_ID, "Ada Lovelace", "ada@example.com"))
                .expectResultMessagePayload(new AggregateVersion(USER_ID, 1));
    }
}
