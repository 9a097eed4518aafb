package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.Ids;
import io.tillpoint.domain.shared.NotFoundException;

/** Ids in request paths: one the gateway could have made, or no such resource (404, the id not echoed). */
final class PathIds {

    private PathIds() {
    }

    /** {@code id} when it looks like an id with {@code prefix}; otherwise a 404 for {@code resource}. */
    static String require(String prefix, String resource, String id) {
        if (!Ids.looksLike(prefix, id)) {
            throw new NotFoundException(resource, "?");
        }
        return id;
    }
}
