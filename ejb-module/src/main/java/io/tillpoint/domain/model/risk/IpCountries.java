package io.tillpoint.domain.model.risk;

/** Which country an IP address is in, from a configured table (a port); null when it does not say. */
public interface IpCountries {

    String countryOf(IpAddress address);
}
