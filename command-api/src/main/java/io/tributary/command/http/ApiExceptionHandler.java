package io.tributary.command.http;

import io.tributary.command.handling.BusinessRuleViolation;
import io.tributary.command.handling.InvalidFieldException;
import io.tributary.command.handling.StaleVersionException;
import io.tributary.command.handling.UnknownReferenceException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.common.lock.LockAcquisitionFailedException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** Turns every error into RFC 9457 problem+json with a stable type; nothing a client sends gives a 500. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getAllErrors().stream()
                .map(ApiExceptionHandler::fieldError)
                .toList();
        return handleExceptionInternal(ex, Problems.invalidFields(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        if (BodySizeLimitFilter.isBodyTooLarge(ex)) {
            return handleExceptionInternal(ex, BodySizeLimitFilter.problem(), headers, HttpStatus.PAYLOAD_TOO_LARGE,
                    request);
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY,
                "Malformed request body", "The request body is not valid JSON of the expected shape.");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<?> commandFailed(CommandExecutionException ex, WebRequest request) throws Exception {
        if (ex.getCause() instanceof Exception cause && !(cause instanceof CommandExecutionException)) {
            return dispatch(cause, request);
        }
        return failed(ex);
    }

    @ExceptionHandler({AggregateNotFoundException.class, BusinessRuleViolation.class, StaleVersionException.class,
            UnknownReferenceException.class, InvalidFieldException.class, MalformedHeaderException.class,
            ConcurrencyException.class, LockAcquisitionFailedException.class})
    ResponseEntity<?> domain(Exception ex, WebRequest request) throws Exception {
        return dispatch(ex, request);
    }

    private ResponseEntity<?> dispatch(Exception ex, WebRequest request) throws Exception {
        return switch (ex) {
            case AggregateNotFoundException notFound -> status(Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND,
                    "Not found", "No such resource: " + notFound.getAggregateIdentifier()));
            case BusinessRuleViolation violation -> status(Problems.of(HttpStatus.CONFLICT,
                    ProblemTypes.businessRule(violation.code()), "Not allowed", violation.getMessage()));
            case StaleVersionException stale -> ResponseEntity.status(HttpStatus.PRECONDITION_FAILED)
                    .eTag(String.valueOf(stale.currentVersion()))
                    .body(withCurrentVersion(stale));
            case UnknownReferenceException unknown -> {
                ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, ProblemTypes.UNKNOWN_REFERENCE,
                        "Unknown reference", unknown.getMessage());
                problem.setProperty("errors", List.of(Problems.fieldError(unknown.field(), unknown.getMessage())));
                yield status(problem);
            }
            case InvalidFieldException invalid ->
                    status(Problems.invalidFields(List.of(Problems.fieldError(invalid.field(), invalid.getMessage()))));
            case MalformedHeaderException header -> status(Problems.of(HttpStatus.BAD_REQUEST,
                    ProblemTypes.INVALID_HEADER, "Invalid header " + header.header(), header.getMessage()));
            // A lock refused (Axon's deadlock detection picks one of two commands that wait for each other's
            // aggregates) leaves nothing changed, as a lost optimistic race does.
            case ConcurrencyException concurrent -> concurrentModification();
            case LockAcquisitionFailedException lock -> concurrentModification();
            default -> {
                ResponseEntity<Object> handled = handleException(ex, request);
                yield handled != null ? handled : failed(ex);
            }
        };
    }

    private static ResponseEntity<ProblemDetail> concurrentModification() {
        return status(Problems.of(HttpStatus.CONFLICT, ProblemTypes.CONCURRENT_MODIFICATION, "Concurrent modification",
                "Another request changed the resource at the same time; retry."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpectedError(Exception ex) {
        return failed(ex);
    }

    /** 503 while the event store cannot be reached (the command may be sent again), else a 500. */
    private static ResponseEntity<ProblemDetail> failed(Exception ex) {
        if (EventStoreOutage.causedBy(ex)) {
            log.warn("Event store unavailable, answered 503: {}", ex.toString());
            return EventStoreOutage.answer();
        }
        return ResponseEntity.internalServerError().body(unexpected(ex));
    }

    /** Gives framework-generated problems (405, 406, 415...) a stable type instead of about:blank. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem && ABOUT_BLANK.equals(problem.getType())) {
            problem.setType(ProblemTypes.forStatus(statusCode.value()));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error while handling a request", ex);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, "Internal error",
                "The request could not be completed; it is safe to retry with the same Idempotency-Key.");
    }

    private static ProblemDetail withCurrentVersion(StaleVersionException stale) {
        ProblemDetail problem = Problems.of(HttpStatus.PRECONDITION_FAILED, ProblemTypes.STALE_VERSION,
                "Stale version", stale.getMessage());
        problem.setProperty("currentVersion", stale.currentVersion());
        return problem;
    }

    private static ResponseEntity<ProblemDetail> status(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    private static Map<String, String> fieldError(ObjectError error) {
        String field = error instanceof FieldError fieldError ? fieldError.getField() : error.getObjectName();
        return Problems.fieldError(field, String.valueOf(error.getDefaultMessage()));
    }
}
