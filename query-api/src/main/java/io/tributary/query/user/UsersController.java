package io.tributary.query.user;

import io.tributary.events.AggregateType;
import io.tributary.http.security.Caller;
import io.tributary.query.access.Concealment;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.http.CachedAnswers;
import io.tributary.query.http.Page;
import io.tributary.query.http.Parameters;
import io.tributary.query.view.DocumentViews;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

/**
 * Users by id (MongoDB view) and full-text search (Elasticsearch, admins only). A customer reads only the user
 * their token's subject owns; any other answers as an unknown id. The check runs on every request, after the
 * document is read (from the near-cache or the store) and before its answer or a 304 is made.
 */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final DocumentViews views;
    private final UserSearch search;
    private final CachedAnswers answers;
    private final Concealment concealment;

    UsersController(DocumentViews views, UserSearch search, CachedAnswers answers, Concealment concealment) {
        this.views = views;
        this.search = search;
        this.answers = answers;
        this.concealment = concealment;
    }

    @GetMapping("/{id}")
    ResponseEntity<UserView> byId(@PathVariable String id, Caller caller, ConsistencyTokens tokens, WebRequest request) {
        String userId = Parameters.uuid("id", id);
        UserView user = views.require(UserView.VIEW, userId, tokens);
        if (!caller.mayActFor(user.subject())) {
            throw concealment.asAbsent(AggregateType.USER, userId, tokens);
        }
        return answers.resource(request, user);
    }

    @GetMapping
    ResponseEntity<Page<UserView>> search(@RequestParam(name = "q", required = false) String text,
                                          @RequestParam(name = "limit", required = false) String limit,
                                          ConsistencyTokens tokens, WebRequest request) {
        Page<UserView> page = search.search(Parameters.text("q", text, MAX_QUERY_LENGTH), Parameters.limit(limit), tokens);
        return answers.result(request, page);
    }
}
