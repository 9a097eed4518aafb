package io.tillpoint.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tillpoint.domain.shared.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** "400 with code and param", as the contract's error section puts it. */
final class Refusals {

    private Refusals() {
    }

    static InvalidInputException invalidInput(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a 400 invalid input").isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) thrown;
    }

    static InvalidInputException assertRefused(ThrowingCallable call, String code, String param) {
        InvalidInputException refusal = invalidInput(call);
        assertThat(refusal.code()).as("code").isEqualTo(code);
        assertThat(refusal.param()).as("param").isEqualTo(param);
        return refusal;
    }
}
