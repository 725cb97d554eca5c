package io.tributary.query.user;

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

/** Users by id (MongoDB view) and full-text search (Elasticsearch). */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

    private static final int MAX_QUERY_LENGTH = 200;

    private final DocumentViews views;
    private final UserSearch search;
    private final CachedAnswers answers;

    UsersController(DocumentViews views, UserSearch search, CachedAnswers answers) {
        this.views = views;
        this.search = search;
        this.answers = answers;
    }

    @GetMapping("/{id}")
    ResponseEntity<UserView> byId(@PathVariable String id, ConsistencyTokens tokens, WebRequest request) {
        return answers.resource(request, views.require(UserView.VIEW, Parameters.uuid("id", id), tokens));
    }

    @GetMapping
    ResponseEntity<Page<UserView>> search(@RequestParam(name = "q", required = false) String text,
                                          @RequestParam(name = "limit", required = false) String limit,
                                          ConsistencyTokens tokens, WebRequest request) {
        Page<UserView> page = search.search(Parameters.text("q", text, MAX_QUERY_LENGTH), Parameters.limit(limit), tokens);
        return answers.result(request, page);
    }
}
