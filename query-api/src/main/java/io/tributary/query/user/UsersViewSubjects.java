package io.tributary.query.user;

import io.tributary.query.access.UserSubjects;
import io.tributary.query.consistency.ConsistencyTokens;
import io.tributary.query.view.DocumentViews;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * A user's owner from the users view, through the near-cache like every read by id: a link never changes once
 * made, so a cached user answers as well as a fresh one. An absent user is never cached, so one who has just
 * registered is found as soon as the view holds them.
 */
@Component
class UsersViewSubjects implements UserSubjects {

    private final DocumentViews views;

    UsersViewSubjects(DocumentViews views) {
        this.views = views;
    }

    @Override
    public Optional<String> subjectOf(String userId) {
        return Optional.ofNullable(views.findAll(UserView.VIEW, List.of(userId), ConsistencyTokens.NONE).get(userId))
                .map(UserView::subject);
    }
}
