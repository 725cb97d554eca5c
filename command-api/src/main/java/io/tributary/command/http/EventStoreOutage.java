package io.tributary.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.http.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a command that failed because the event store's database could not be reached (PostgreSQL down or
 * restarting, connections refused or broken, no pooled connection within {@code spring.datasource.hikari
 * .connection-timeout}) from every other failure. Such a command is answered {@code 503 store-unavailable} with
 * {@code Retry-After}: the client did nothing wrong, and the same command may be sent again once the database is back.
 */
public final class EventStoreOutage {

    /** What a client is asked to wait before sending the command again: about what a database restart takes. */
    public static final String RETRY_AFTER_SECONDS = "5";

    /** The request attribute that says a request was answered {@code 503 store-unavailable}. */
    private static final String ANSWERED = EventStoreOutage.class.getName() + ".answered";

    private EventStoreOutage() {
    }

    /** Whether {@code failure}, or anything it was caused by, says the database could not be reached. */
    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException // the pool had no connection within its timeout
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof ConnectException
                    || cause instanceof SQLException sql && (isConnectionState(sql.getSQLState()) || isDroppedByPool(sql))) {
                return true;
            }
        }
        return false;
    }

    public static ProblemDetail problem() {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.STORE_UNAVAILABLE, "Store unavailable",
                "The event store cannot be reached now. Send the command again after Retry-After seconds (with the "
                        + "same Idempotency-Key, if it had one).");
    }

    /** The answer of a command that failed for want of the database, noted on the request being served. */
    public static ResponseEntity<ProblemDetail> answer() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(ANSWERED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem());
    }

    /** The same answer, written by a servlet filter, and noted on its request. */
    public static void write(HttpServletRequest request, HttpServletResponse response, ObjectMapper json)
            throws IOException {
        request.setAttribute(ANSWERED, Boolean.TRUE);
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        ProblemResponses.write(response, problem(), json);
    }

    /** Whether {@code request} was answered {@code 503 store-unavailable} because the database could not be reached. */
    public static boolean answered(HttpServletRequest request) {
        return request.getAttribute(ANSWERED) != null;
    }

    /**
     * HikariCP's answer to a statement on a connection it has already dropped, as it drops one that broke (PostgreSQL
     * went away in the middle of a command): the rest of that command's transaction, its rollback included, gets
     * this, with no SQLSTATE.
     */
    private static boolean isDroppedByPool(SQLException failure) {
        return failure.getSQLState() == null && "Connection is closed".equals(failure.getMessage());
    }

    /**
     * SQLSTATE class 08 (connection exception) and PostgreSQL's 57P01-57P03 (shut down by an administrator, after a
     * crash, not accepting connections yet).
     */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || Set.of("57P01", "57P02", "57P03").contains(state));
    }
}
