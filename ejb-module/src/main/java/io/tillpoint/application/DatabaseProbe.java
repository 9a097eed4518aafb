package io.tillpoint.application;

/**
 * Whether the gateway's database answers, for readiness checks: which product it is and whether
 * the launcher runs it in the data folder (embedded) or it is the operator's own (external).
 * Never versions, addresses or sizes: the answer is public.
 */
public interface DatabaseProbe {

    /** Asks the database one short question, waiting at most {@code timeoutSeconds}. */
    Answer probe(int timeoutSeconds);

    /** Up with its product, or down with the kind of failure (never its message). */
    record Answer(boolean up, String product, boolean embedded, String failure) {
    }
}
