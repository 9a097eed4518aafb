package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.InvalidInputException;

/** A list's {@code limit}: 1 to 100, 10 when not given, as the contract says for payments. */
final class Paging {

    static final int MAX = 100;

    private Paging() {
    }

    static int pageSize(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 10;
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
