/** Idempotency keys: a retried POST gets the first answer again, never a second effect. */
package io.tillpoint.domain.model.idempotency;
