package io.tillpoint.interfaces.rest;

/** The body is over the 64 KiB limit (413). */
public class PayloadTooLarge extends RuntimeException {

    public PayloadTooLarge() {
        super("Request body is larger than 64 KiB", null, false, false);
    }
}
