package io.tributary.command.http;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();

    /** Axon's deadlock detection refuses one of two commands waiting for each other's aggregates: nothing changed. */
    @Test
    void aCommandRefusedItsLockIsAConflictToRetryNotAServerError() throws Exception {
        ResponseEntity<?> answer = handler.commandFailed(new CommandExecutionException("lock refused",
                new DeadlockException("An imminent deadlock was detected")), new ServletWebRequest(new MockHttpServletRequest()));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) answer.getBody()).getType().toString()).endsWith("concurrent-modification");
    }

    /** Another replica appended the aggregate's version first (the event table's unique key): nothing changed. */
    @Test
    void aVersionAnotherReplicaAppendedFirstIsAConflictToRetry() throws Exception {
        ResponseEntity<?> answer = handler.domain(new ConcurrencyException("version 3 of user u exists"),
                new ServletWebRequest(new MockHttpServletRequest()));

        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(((ProblemDetail) answer.getBody()).getType().toString()).endsWith("concurrent-modification");
    }
}
