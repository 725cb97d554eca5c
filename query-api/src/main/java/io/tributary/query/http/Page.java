package io.tributary.query.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * One page of a listing or search.
 *
 * @param total      how many items match in all, where the store counts them
 * @param nextCursor pass as {@code cursor} for the next page; absent on the last page
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, Long total, String nextCursor) implements ComputedAnswer {
}
