package io.tillpoint.interfaces.rest;

/** Role names as they appear in the tokens' {@code groups} claim. */
public final class Roles {

    public static final String MERCHANT = "merchant";
    public static final String PLATFORM_ADMIN = "platform-admin";

    private Roles() {
    }
}
