package io.tributary.command;

import io.tributary.devstack.LocalStack;
import io.tributary.devstack.TestStack;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Boots the command API against the real PostgreSQL and Kafka of the test stack. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class CommandApiIntegrationTest {

    private static final LocalStack STACK = TestStack.shared(TestStack.Server.POSTGRES, TestStack.Server.KAFKA);

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        STACK.endpoints().springProperties().forEach((name, value) -> registry.add(name, () -> value));
    }

    protected static String bootstrapServers() {
        return STACK.endpoints().kafkaBootstrapServers();
    }
}
