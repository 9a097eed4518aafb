package io.tillpoint.domain.model.payment;

import io.tillpoint.domain.shared.InvalidInputException;

/** Whether an approved authorization is captured at once or later by the merchant. */
public enum CaptureMode {
    AUTOMATIC("automatic"),
    MANUAL("manual");

    private final String apiName;

    CaptureMode(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static CaptureMode fromApiName(String name) {
        if (name == null) {
            return AUTOMATIC;
        }
        for (CaptureMode m : values()) {
            if (m.apiName.equals(name)) {
                return m;
            }
        }
        throw new InvalidInputException("capture", "must be 'automatic' or 'manual'");
    }
}
