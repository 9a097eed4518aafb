package io.tillpoint.domain.model.risk;

import io.tillpoint.domain.model.card.CardNumber;

/**
 * Which country issued a card, from a card range table (a port), known before any acquirer is
 * asked; null when the table does not say. The number stays in memory.
 */
public interface IssuingCountries {

    String countryOf(CardNumber number);
}
