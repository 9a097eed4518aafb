package io.tillpoint.domain.model.acquiring;

import io.tillpoint.domain.model.payment.DeclineCode;

/** The acquirer's answer to "what happened to this authorization?". */
public sealed interface InquiryResult {

    /** It approved it: the answer that did not reach us. */
    record Approved(String authorizationCode, String acquirerReference, String issuerCountry) implements InquiryResult {
    }

    /** It declined it. */
    record Declined(DeclineCode code, String issuerCountry) implements InquiryResult {
    }

    /** It has no record of it: the request never reached it. */
    record NoRecord() implements InquiryResult {
    }

    /** No answer to the inquiry either (timeout, connection error, acquirer busy): ask again later. */
    record StillUnknown(String reason) implements InquiryResult {
    }
}
