package io.tillpoint.application;

/** An issued bearer token and its lifetime in seconds. */
public record AccessToken(String token, long expiresIn) {

    @Override
    public String toString() {
        return "AccessToken[expiresIn=" + expiresIn + "]";
    }
}
