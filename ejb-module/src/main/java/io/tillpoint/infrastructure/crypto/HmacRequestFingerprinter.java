package io.tillpoint.infrastructure.crypto;

import io.tillpoint.domain.model.card.CardNumber;
import io.tillpoint.domain.model.idempotency.RequestFingerprint;
import io.tillpoint.domain.model.idempotency.RequestFingerprinter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request fingerprints as HMAC-SHA256, under the request-fingerprint key, of the request's
 * {@link CanonicalRequest canonical form}, in which each card number stands as its internal
 * fingerprint and no CVC is left. The value names both keys: {@code r<v>i<w>.} + the whole digest
 * in base64url (v: request-fingerprint key, w: card-fingerprint key). A record made under other
 * versions is compared by making this request's fingerprint again under those, while they are
 * held (a rotation keeps the old ones for the records' 48 hours).
 */
@ApplicationScoped
public class HmacRequestFingerprinter implements RequestFingerprinter {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Pattern VERSIONS = Pattern.compile("r([0-9]{1,6})i([0-9]{1,6})\\..*");

    @Inject
    CardDataKeys keys;

    @Inject
    HmacCardFingerprints cards;

    public HmacRequestFingerprinter() {
    }

    /** For tests: fingerprints under these keys. */
    public HmacRequestFingerprinter(CardDataKeys keys) {
        this.keys = keys;
        this.cards = new HmacCardFingerprints(keys);
    }

    @Override
    public RequestFingerprint fingerprint(String method, String path, byte[] body) {
        KeyRing.Version requestKey = keys.requestFingerprint().current();
        KeyRing.Version cardKey = keys.cardFingerprint().current();
        String value = fingerprint(method, path, body, requestKey, cardKey.number());
        return new RequestFingerprint(value, stored -> underKeysOf(stored, method, path, body));
    }

    /** This request's fingerprint under the versions {@code stored} names; null when they are not held. */
    private String underKeysOf(String stored, String method, String path, byte[] body) {
        Matcher versions = VERSIONS.matcher(stored);
        if (!versions.matches()) {
            return null;
        }
        int cardVersion = Integer.parseInt(versions.group(2));
        Optional<KeyRing.Version> requestKey = keys.requestFingerprint().version(Integer.parseInt(versions.group(1)));
        if (requestKey.isEmpty() || keys.cardFingerprint().version(cardVersion).isEmpty()) {
            return null;
        }
        return fingerprint(method, path, body, requestKey.get(), cardVersion);
    }

    private String fingerprint(String method, String path, byte[] body, KeyRing.Version requestKey, int cardVersion) {
        byte[] canonical = CanonicalRequest.of(method, path, body, number -> internal(number, cardVersion));
        return "r" + requestKey.number() + "i" + cardVersion + "." + B64.encodeToString(requestKey.hmac(canonical));
    }

    private String internal(CardNumber number, int cardVersion) {
        return cards.internal(number, cardVersion).orElseThrow().value();
    }
}
