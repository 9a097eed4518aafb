package io.tillpoint.domain.model.console;

import io.tillpoint.domain.shared.InvalidInputException;

/** A console password someone chose: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH}. */
public final class ConsolePassword {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;

    private ConsolePassword() {
    }

    public static String check(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException("password", "must be at least 12 characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException("password", "must be at most 200 characters");
        }
        return password;
    }
}
