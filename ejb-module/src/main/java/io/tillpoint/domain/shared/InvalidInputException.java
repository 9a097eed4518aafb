package io.tillpoint.domain.shared;

/** The request breaks a rule about its own content; {@link #param()} names the field. */
public class InvalidInputException extends DomainException {

    private final String param;

    public InvalidInputException(String param, String message) {
        this("invalid_request", param, message);
    }

    public InvalidInputException(String code, String param, String message) {
        super(code, message);
        this.param = param;
    }

    public String param() {
        return param;
    }
}
