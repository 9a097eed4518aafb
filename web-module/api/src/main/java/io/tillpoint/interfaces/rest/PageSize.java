package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.InvalidInputException;

/** The {@code limit} of every list: 1 to 100 items a page, 10 when not given (contract). */
final class PageSize {

    static final int DEFAULT = 10;
    static final int MAX = 100;

    private PageSize() {
    }

    /** {@code limit} as given in the query (null or empty: the default); 400 {@code limit} outside 1 to 100. */
    static int of(String limit) {
        if (limit == null || limit.isEmpty()) {
            return DEFAULT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the refusal
        }
        throw new InvalidInputException("limit", "must be an integer from 1 to 100");
    }
}
