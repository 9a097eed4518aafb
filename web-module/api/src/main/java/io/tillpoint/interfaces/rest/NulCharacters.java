package io.tillpoint.interfaces.rest;

import io.tillpoint.domain.shared.InvalidInputException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Map;

/**
 * No text the API takes may hold a NUL character (U+0000): no field, key, query parameter or form
 * value has a use for one, and PostgreSQL cannot store one in a text column (the statement fails,
 * which a client would have seen as a 500). Refused before anything runs, as a 400.
 */
final class NulCharacters {

    static final String MESSAGE = "must not contain a NUL character (U+0000)";

    private NulCharacters() {
    }

    /** Refuses a query parameter (decoded) that holds a NUL. */
    static void refuseInQuery(MultivaluedMap<String, String> decoded) {
        for (Map.Entry<String, List<String>> parameter : decoded.entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0) {
                throw new InvalidInputException(null, "A query parameter's name " + MESSAGE);
            }
            for (String value : parameter.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    throw new InvalidInputException(parameter.getKey(), MESSAGE);
                }
            }
        }
    }

    /**
     * Refuses a body that would hold a NUL once read: a JSON escape {@code \u0000} (a raw NUL byte
     * is not JSON at all, and the parser refuses it), or, in a form, {@code %00}.
     */
    static void refuseInBody(byte[] body, boolean form) {
        if (form ? hasEncodedNul(body) : hasJsonEscapedNul(body)) {
            throw new InvalidInputException(null, "The request body " + MESSAGE);
        }
    }

    static boolean hasJsonEscapedNul(byte[] body) {
        for (int i = 0; i < body.length - 1; i++) {
            if (body[i] != '\\') {
                continue;
            }
            if (body[i + 1] == 'u' && i + 5 < body.length && body[i + 2] == '0' && body[i + 3] == '0'
                    && body[i + 4] == '0' && body[i + 5] == '0') {
                return true;
            }
            i++; // the escaped character: "\\u0000" is a backslash and the text u0000
        }
        return false;
    }

    static boolean hasEncodedNul(byte[] body) {
        for (int i = 0; i + 2 < body.length; i++) {
            if (body[i] == '%' && body[i + 1] == '0' && body[i + 2] == '0') {
                return true;
            }
        }
        return false;
    }
}
