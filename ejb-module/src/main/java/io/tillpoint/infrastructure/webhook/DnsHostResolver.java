package io.tillpoint.infrastructure.webhook;

import io.tillpoint.domain.model.webhook.HostResolver;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Host names through the JVM's resolver (the system's DNS and hosts file); literals as they are. */
@ApplicationScoped
public class DnsHostResolver implements HostResolver {

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return List.of(InetAddress.getAllByName(host));
    }
}
