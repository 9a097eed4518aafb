package io.tillpoint.application;

import io.tillpoint.domain.model.acquiring.AcquirerConnector;
import io.tillpoint.domain.model.card.CardFingerprints;
import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.card.InternalCardFingerprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The internal fingerprints of the acquirer's public test cards ({@link AcquirerConnector#publicTestCards}),
 * under the current fingerprint key: the cards risk control counts and freezes per merchant. Made
 * again when the key changes (the fingerprints carry its version).
 */
@ApplicationScoped
public class PublicTestCards {

    @Inject
    AcquirerConnector acquirer;

    @Inject
    CardFingerprints fingerprints;

    private volatile Set<String> known = Set.of();
    private volatile String probe;

    /** For CDI. */
    public PublicTestCards() {
    }

    PublicTestCards(AcquirerConnector acquirer, CardFingerprints fingerprints) {
        this.acquirer = acquirer;
        this.fingerprints = fingerprints;
    }

    /** Whether {@code internalFingerprint} is one of the public test cards'. */
    public boolean contains(String internalFingerprint) {
        List<CardNumber> cards = acquirer.publicTestCards();
        if (cards.isEmpty() || internalFingerprint == null) {
            return false;
        }
        String current = fingerprints.internal(cards.get(0)).value();
        if (!current.equals(probe)) {
            known = cards.stream().map(fingerprints::internal).map(InternalCardFingerprint::value)
                    .collect(Collectors.toUnmodifiableSet());
            probe = current;
        }
        return known.contains(internalFingerprint);
    }
}
