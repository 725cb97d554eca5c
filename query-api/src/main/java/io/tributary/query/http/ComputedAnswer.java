package io.tributary.query.http;

/**
 * An answer computed per request, such as a page of a listing or a search result, rather than a stored view
 * document: it has no version of its own, so its ETag is a digest of its JSON (see {@link CachedAnswers}).
 */
public interface ComputedAnswer {
}
