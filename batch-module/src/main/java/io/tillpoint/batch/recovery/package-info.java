/** The payment-recovery job: resolves unknown outcomes from their follow-ups, on every instance. */
package io.tillpoint.batch.recovery;
