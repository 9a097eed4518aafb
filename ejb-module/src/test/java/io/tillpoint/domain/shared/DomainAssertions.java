package io.tillpoint.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions that read like the contract's error table: "400 invalid_request, param currency". */
public final class DomainAssertions {

    private DomainAssertions() {
    }

    /** Runs {@code call}, which must be refused as invalid input, and returns the refusal. */
    public static InvalidInputException invalidInput(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected the input to be refused").isInstanceOf(InvalidInputException.class);
        return (InvalidInputException) thrown;
    }

    /** Runs {@code call}, which must be refused with exactly this code and param. */
    public static void assertRefused(ThrowingCallable call, String code, String param) {
        InvalidInputException refusal = invalidInput(call);
        assertThat(refusal.code()).as("code").isEqualTo(code);
        assertThat(refusal.param()).as("param").isEqualTo(param);
    }

    /** Runs {@code call}, which must be refused because of the resource's state (409 invalid_state). */
    public static InvalidStateException invalidState(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected the operation to be refused in this state")
                .isInstanceOf(InvalidStateException.class);
        assertThat(((InvalidStateException) thrown).code()).isEqualTo("invalid_state");
        return (InvalidStateException) thrown;
    }
}
