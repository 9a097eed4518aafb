package io.tillpoint.interfaces.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a POST resource method whose use case claims the {@code Idempotency-Key} in its own first
 * transaction and stores the response with its last one (so the key costs no transaction of
 * its own). {@link IdempotencyFilter} then only reads and checks the key, and the method gets
 * it from {@link IdempotencyFilter#keyedRequest}. An answer given before the use case runs (a
 * 4xx for bad input) is still stored by the filter.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface OwnIdempotencyClaim {
}
