package dev.mcpgateway.auth.client.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The seam exists so that a fetch asks exactly once and connects to what it was
 * told (tests stand in a resolver whose second answer differs, as a rebinding DNS server's would).
 */
@FunctionalInterface
public interface HostResolver {

    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
