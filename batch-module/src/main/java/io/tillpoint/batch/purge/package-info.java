/** The idempotency-purge job: forgets idempotency records past their retention (at least 24 hours). */
package io.tillpoint.batch.purge;
