package io.tillpoint.domain.model.webhook;

import io.tillpoint.domain.shared.InvalidInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses a webhook URL may be sent to: its host resolved now, and every address it
 * resolves to allowed ({@link AddressKind}). One refused address refuses the URL, so a name that
 * answers with a public and a private address cannot be used to reach the private one. Asked when
 * an endpoint is registered and again before every attempt (a name may resolve elsewhere by then);
 * the attempt then connects to the address checked here, not to a second lookup's.
 */
public final class ReceiverAddresses {

    private final HostResolver resolver;
    private final boolean allowPrivate;

    public ReceiverAddresses(HostResolver resolver, boolean allowPrivate) {
        this.resolver = resolver;
        this.allowPrivate = allowPrivate;
    }

    /**
     * The addresses {@code url} may reach, at least one; a refusal is a 400 on {@code url} that
     * names the kind of address, never the address.
     */
    public List<InetAddress> check(WebhookUrl url) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(url.host());
        } catch (UnknownHostException e) {
            throw new InvalidInputException("url", "names a host that does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new InvalidInputException("url", "names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            AddressKind kind = AddressKind.of(address);
            if (kind.refused(allowPrivate)) {
                throw new InvalidInputException("url", "resolves to " + kind.description() + ", which webhooks may not reach");
            }
        }
        return List.copyOf(addresses);
    }
}
