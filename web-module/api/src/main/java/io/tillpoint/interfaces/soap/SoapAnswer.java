package io.tillpoint.interfaces.soap;

import io.tillpoint.domain.model.idempotency.StoredResponse;

/**
 * What a SOAP operation answers: the REST answer it stands for (status and JSON body, the very
 * bytes an idempotency record keeps), and whether it is the replay of an earlier request's.
 */
record SoapAnswer(StoredResponse response, boolean replayed) {

    static SoapAnswer fresh(StoredResponse response) {
        return new SoapAnswer(response, false);
    }

    static SoapAnswer replay(StoredResponse response) {
        return new SoapAnswer(response, true);
    }

    boolean failed() {
        return response.status() >= 400;
    }
}
