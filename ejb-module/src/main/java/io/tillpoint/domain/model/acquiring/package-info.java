/** The gateway's view of a card acquirer: what it is asked and what it can answer. */
package io.tillpoint.domain.model.acquiring;
