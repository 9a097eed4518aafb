package io.tillpoint.testbed.drill;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One idempotency key's story, as the client saw it: the body it sends every time, every 2xx it got,
 * and where it ended. The reference of the payment is the key itself, so that the database can be
 * asked how many payments one key made.
 */
final class KeyedPayment {

    /** Where a key stands. */
    enum State {
        /** no 2xx yet: the POST is sent again, with the same key and body */
        OPEN,
        /** a 2xx said {@code processing}: the payment is read again until it is final */
        PROCESSING,
        /** a 2xx with a final status */
        FINAL,
        /** a 4xx that retrying cannot change (400, 422, ...) */
        REFUSED
    }

    final String key;
    final String body;
    final String last4;
    final long amount;

    State state = State.OPEN;
    int posts;
    int reads;
    int connectionErrors;
    int inProgressAnswers;
    int serverErrors;
    int replays;
    /** HTTP status of the first 2xx, 0 when none came */
    int firstSuccessStatus;
    String paymentId;
    String answeredStatus;
    String finalStatus;
    String lastProblem;
    /** every payment id a 2xx named for this key: more than one is a broken promise */
    final Set<String> idsSeen = new LinkedHashSet<>();
    long nextAttemptAt;

    KeyedPayment(String key, String body, String last4, long amount) {
        this.key = key;
        this.body = body;
        this.last4 = last4;
        this.amount = amount;
    }

    boolean done() {
        return state == State.FINAL || state == State.REFUSED;
    }

    int attempts() {
        return posts + reads;
    }

    static String header() {
        return String.join("\t", "key", "card_last4", "amount", "state", "posts", "reads", "connection_errors",
                "in_progress_409", "server_errors", "replays", "first_2xx", "payment_id", "answered_status",
                "final_status", "ids_seen", "last_problem");
    }

    /** One tab-separated line; nothing in it holds a tab or a card number. */
    String line() {
        return String.join("\t", key, last4, Long.toString(amount), state.name().toLowerCase(), Integer.toString(posts),
                Integer.toString(reads), Integer.toString(connectionErrors), Integer.toString(inProgressAnswers),
                Integer.toString(serverErrors), Integer.toString(replays), Integer.toString(firstSuccessStatus),
                paymentId == null ? "" : paymentId, answeredStatus == null ? "" : answeredStatus,
                finalStatus == null ? "" : finalStatus, Integer.toString(idsSeen.size()),
                lastProblem == null ? "" : lastProblem.replaceAll("\\s+", " "));
    }
}
