package dev.mcpgateway.auth.client.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Which addresses an outbound fetch made on a stranger's behalf may reach: public unicast only, unless an operator
 * listed the network (an intranet host serving metadata documents). Refused by default: loopback, wildcard,
 * link-local, private (RFC 1918), carrier-grade NAT, 0/8, multicast, broadcast, IPv6 unique-local and site-local;
 * IPv4-mapped and IPv4-compatible IPv6 addresses are judged as the IPv4 address they carry.
 */
public final class AddressPolicy {

    private final List<Network> allowed;

    public AddressPolicy(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    public boolean permits(InetAddress address) {
        return allowed.stream().anyMatch(n -> n.contains(address)) || isPublic(address);
    }

    public static boolean isPublic(InetAddress address) {
        InetAddress judged = embeddedV4(address);
        if (judged.isLoopbackAddress() || judged.isAnyLocalAddress() || judged.isLinkLocalAddress()
                || judged.isSiteLocalAddress() || judged.isMulticastAddress()) {
            return false;
        }
        byte[] b = judged.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            // 0/8 "this network", carrier-grade NAT 100.64/10, and the limited broadcast address
            return !(first == 0 || (first == 100 && second >= 64 && second < 128) || first == 255);
        }
        // IPv6 unique local fc00::/7
        return (b[0] & 0xfe) != 0xfc;
    }

    /** ::ffff:a.b.c.d and ::a.b.c.d reach the IPv4 host a.b.c.d: judge that one. */
    private static InetAddress embeddedV4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) {
            return address;
        }
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return address;
            }
        }
        boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean compatible = b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0);
        if (!mapped && !compatible) {
            return address;
        }
        try {
            return InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
