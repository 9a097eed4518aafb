/** Merchants, their pricing, and the API clients and console users that act for them. */
package io.tillpoint.domain.model.merchant;
