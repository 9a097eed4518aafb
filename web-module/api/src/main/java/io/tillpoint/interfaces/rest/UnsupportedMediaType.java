package io.tillpoint.interfaces.rest;

/** The body is not in the media type the endpoint reads (415). */
public class UnsupportedMediaType extends RuntimeException {

    private final String expected;

    public UnsupportedMediaType(String expected) {
        super("Content-Type must be " + expected, null, false, false);
        this.expected = expected;
    }

    public String expected() {
        return expected;
    }
}
