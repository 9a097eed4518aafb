package io.tillpoint.domain.model.webhook;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;

/**
 * Port: one HTTP POST of a delivery to {@code address} (an address {@link ReceiverAddresses}
 * allowed for {@code url}, connected to as it is, never looked up again), within {@code timeout}
 * in all, redirects not followed. Never throws for what the receiver or the network does: that is
 * the attempt's outcome.
 */
public interface WebhookTransport {

    DeliveryAttempt post(WebhookUrl url, InetAddress address, Map<String, String> headers, byte[] body,
            Duration timeout);
}
