package io.tillpoint.domain.model.console;

import io.tillpoint.domain.shared.DomainException;

/** The person who asked for a refund tried to approve it themselves. */
public class FourEyesException extends DomainException {

    public FourEyesException(String approvalId) {
        super("four_eyes", "The refund request " + approvalId + " needs another person's approval");
    }
}
