package io.tributary.command.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.command.http.BodySizeLimitFilter;
import io.tributary.command.http.EventStoreOutage;
import io.tributary.command.http.ProblemTypes;
import io.tributary.command.http.Problems;
import io.tributary.http.ProblemResponses;
import io.tributary.http.security.Caller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Makes a POST with an {@code Idempotency-Key} header safe to retry. The key is claimed, the command runs
 * and its answer is stored in ONE database transaction with the command's events, so a retry either finds
 * the stored first answer (returned as it was, with {@code Idempotent-Replayed: true}) or runs the command
 * itself; there is never a second effect. Reusing a key for a different request is refused with 422. Keys are
 * the caller's own (see {@link IdempotencyKey}), so the filter runs after the security filters, which know the
 * caller; a request they refuse claims no key.
 */
@Component
@Order(SecurityProperties.DEFAULT_FILTER_ORDER + 10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private final IdempotencyStore store;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;

    IdempotencyFilter(IdempotencyStore store, TransactionTemplate transactions, ObjectMapper json) {
        this.store = store;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(header).matches()) {
            ProblemResponses.write(response, Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_HEADER,
                    "Invalid header " + HEADER, "1 to 200 visible ASCII characters expected"), json);
            return;
        }
        CachedBodyRequest cached;
        try {
            cached = CachedBodyRequest.read(request, BodySizeLimitFilter.MAX_BODY_BYTES);
        } catch (BodySizeLimitFilter.BodyTooLargeException e) {
            // Thrown by the size limit's own stream too, when a chunked body grows past it; nothing is claimed.
            ProblemResponses.write(response, BodySizeLimitFilter.problem(), json);
            return;
        }
        IdempotencyKey key = IdempotencyKey.of(Caller.of(SecurityContextHolder.getContext().getAuthentication()), header);
        String fingerprint = fingerprint(request, cached.body());
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);

        Outcome outcome;
        try {
            outcome = transactions.execute(transaction -> {
                if (!store.claim(key, fingerprint)) {
                    return new Outcome(Kind.REPLAY, store.find(key).orElseThrow());
                }
                run(chain, cached, captured);
                StoredAnswer answer = capture(fingerprint, captured);
                if (answer.status() >= 400) {
                    transaction.setRollbackOnly();
                    return new Outcome(Kind.REFUSED, answer);
                }
                store.complete(key, answer);
                return new Outcome(Kind.EXECUTED, answer);
            });
        } catch (RuntimeException e) {
            if (!EventStoreOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            // The key's claim commits with the command or not at all: the same request may be sent again as it was.
            response.reset();
            EventStoreOutage.write(request, response, json);
            return;
        }

        switch (outcome.kind()) {
            case REPLAY -> replay(outcome.answer(), fingerprint, response);
            case REFUSED -> {
                if (outcome.answer().status() < 500) {
                    transactions.executeWithoutResult(transaction -> store.recordRefusal(key, outcome.answer()));
                }
                captured.copyBodyToResponse();
            }
            case EXECUTED -> captured.copyBodyToResponse();
        }
    }

    private void replay(StoredAnswer previous, String fingerprint, HttpServletResponse response) throws IOException {
        if (!previous.fingerprint().equals(fingerprint)) {
            ProblemResponses.write(response, Problems.of(HttpStatus.UNPROCESSABLE_ENTITY,
                    ProblemTypes.IDEMPOTENCY_KEY_REUSED, "Idempotency key reused",
                    "This Idempotency-Key was used for a different request."), json);
            return;
        }
        response.setStatus(previous.status());
        previous.headers().forEach(response::setHeader);
        response.setHeader(REPLAYED, "true");
        response.getOutputStream().write(previous.body());
    }

    private static void run(FilterChain chain, CachedBodyRequest request, ContentCachingResponseWrapper response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StoredAnswer capture(String fingerprint, ContentCachingResponseWrapper response) {
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (String name : StoredAnswer.REPLAYED_HEADERS) {
            String value = name.equals("Content-Type") ? response.getContentType() : response.getHeader(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        return new StoredAnswer(fingerprint, response.getStatus(), headers, response.getContentAsByteArray());
    }

    /** Same key, same method, path and body: the same request. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            sha256.update(body);
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private enum Kind { REPLAY, REFUSED, EXECUTED }

    private record Outcome(Kind kind, StoredAnswer answer) {
    }
}
