/** Payment cards as the gateway sees them: number checks, brands, expiry, CVC, masking. */
package io.tillpoint.domain.model.card;
