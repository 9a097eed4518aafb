package io.tillpoint.domain.model.acquiring;

import io.tillpoint.domain.model.payment.DeclineCode;

/** What an acquirer answered; {@link Unknown} when no answer arrived in time. */
public sealed interface AuthorizationResult {

    /** The issuer's country, when the acquirer told us (null otherwise). */
    String issuerCountry();

    record Approved(String authorizationCode, String acquirerReference, String issuerCountry) implements AuthorizationResult {
    }

    record Declined(DeclineCode code, String issuerCountry) implements AuthorizationResult {
    }

    record ChallengeRequired(String acquirerReference, String issuerCountry) implements AuthorizationResult {
    }

    record Unknown(String reason) implements AuthorizationResult {
        @Override
        public String issuerCountry() {
            return null;
        }
    }
}
