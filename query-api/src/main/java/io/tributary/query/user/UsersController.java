package io.tributary.query.user;

import io.tributary.events.AggregateType;
import io.tributary.events.ConsistencyToken;
import io.tributary.query.consistency.ConsistencyWait;
import io.tributary.query.http.InvalidParameterException;
import io.tributary.query.http.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

import java.util.List;
import java.util.UUID;

/**
 * Users by id (MongoDB view) and full-text search (Elasticsearch).
 * <p>
 * Caching: a user is {@code Cache-Control: private, no-cache} with an {@code ETag} of its version. Views
 * change whenever an event arrives, so clients and proxies must revalidate, which costs a 304 and no body.
 * Searches are {@code no-store}: they have no single version to validate against.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final UserViews views;
    private final UserSearch search;
    private final ConsistencyWait consistency;

    UsersController(UserViews views, UserSearch search, ConsistencyWait consistency) {
        this.views = views;
        this.search = search;
        this.consistency = consistency;
    }

    @GetMapping("/{id}")
    ResponseEntity<UserView> byId(@PathVariable String id,
                                  @RequestHeader(name = ConsistencyToken.HEADER, required = false) List<String> tokens,
                                  WebRequest request) {
        requireUuid(id);
        consistency.await(tokens, AggregateType.USER, views::versionOf);
        UserView user = views.find(id).orElseThrow(() -> new NotFoundException("No user " + id));
        String etag = "\"" + user.version() + "\"";
        CacheControl revalidate = CacheControl.noCache().cachePrivate();
        if (request.checkNotModified(etag)) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(revalidate).build();
        }
        return ResponseEntity.ok().eTag(etag).cacheControl(revalidate).body(user);
    }

    @GetMapping
    ResponseEntity<UserSearch.UserSearchResult> search(
            @RequestParam(name = "q", required = false) String text,
            @RequestParam(name = "limit", required = false, defaultValue = "20") String limit,
            @RequestHeader(name = ConsistencyToken.HEADER, required = false) List<String> tokens) {
        if (text == null || text.isBlank()) {
            throw new InvalidParameterException("q", "must not be blank");
        }
        if (text.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameterException("q", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        int size = parseLimit(limit);
        consistency.await(tokens, AggregateType.USER, search::searchableVersionOf);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(search.search(text.strip(), size));
    }

    private static int parseLimit(String limit) {
        try {
            int value = Integer.parseInt(limit.strip());
            if (value >= 1 && value <= 100) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new InvalidParameterException("limit", "must be a whole number from 1 to 100");
    }

    /** Ids are UUIDs; anything else is a malformed request rather than an unknown user. */
    private static void requireUuid(String id) {
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("id", "must be a UUID");
        }
    }
}
