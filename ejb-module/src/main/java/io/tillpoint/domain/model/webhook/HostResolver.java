package io.tillpoint.domain.model.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Port: the addresses a host name stands for now (DNS), or the address a literal is. */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
