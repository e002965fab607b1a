package dev.mcpgateway.auth.client.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses an outbound fetch made on a stranger's behalf may reach: public unicast only, unless an operator
 * listed the network (an intranet host serving metadata documents). Refused by default: loopback, wildcard,
 * link-local, private (RFC 1918), carrier-grade NAT, 0/8, multicast, broadcast, IPv6 unique-local and site-local;
 * IPv4-mapped and IPv4-compatible IPv6 addresses are judged as the IPv4 address they carry. Used for every fetch
 * made on someone else's say-so: Client ID Metadata Documents and admin-supplied OpenAPI URLs.
 */
public final class AddressPolicy {

    private final List<Network> allowed;

    public AddressPolicy(List<Network> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    public static AddressPolicy publicOnly() {
        return new AddressPolicy(List.of());
    }

    /** This policy with more allowed networks. */
    public AddressPolicy alsoAllowing(List<Network> networks) {
        List<Network> all = new java.util.ArrayList<>(allowed);
        all.addAll(networks);
        return new AddressPolicy(all);
    }

    public boolean permits(InetAddress address) {
        return refusal(address).isEmpty();
    }

    /**
     * The rule that refuses {@code address} ("a loopback address", "a cloud metadata address"...), or empty when it
     * may be reached. The rule names the kind of address only, so it can be shown to whoever asked for the fetch.
     */
    public Optional<String> refusal(InetAddress address) {
        return allowed.stream().anyMatch(n -> n.contains(address)) ? Optional.empty() : kind(address);
    }

    public static boolean isPublic(InetAddress address) {
        return kind(address).isEmpty();
    }

    private static Optional<String> kind(InetAddress address) {
        InetAddress judged = embeddedV4(address);
        byte[] b = judged.getAddress();
        if (isCloudMetadata(b)) {
            return Optional.of("a cloud metadata address");
        }
        if (judged.isLoopbackAddress()) {
            return Optional.of("a loopback address");
        }
        if (judged.isAnyLocalAddress()) {
            return Optional.of("the wildcard address");
        }
        if (judged.isLinkLocalAddress()) {
            return Optional.of("a link-local address");
        }
        if (judged.isMulticastAddress()) {
            return Optional.of("a multicast address");
        }
        if (judged.isSiteLocalAddress()) {
            return Optional.of("a private address");
        }
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second < 128) {
                return Optional.of("a carrier-grade NAT address");
            }
            // 0/8 "this network" and the limited broadcast address
            return first == 0 || first == 255 ? Optional.of("a reserved address") : Optional.empty();
        }
        // IPv6 unique local fc00::/7
        return (b[0] & 0xfe) == 0xfc ? Optional.of("a private address") : Optional.empty();
    }

    /** 169.254.169.254 (every major cloud), 100.100.100.200 (Alibaba) and fd00:ec2::254 (AWS over IPv6). */
    private static boolean isCloudMetadata(byte[] b) {
        if (b.length == 4) {
            int[] v = {b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff};
            return v[0] == 169 && v[1] == 254 && v[2] == 169 && v[3] == 254
                    || v[0] == 100 && v[1] == 100 && v[2] == 100 && v[3] == 200;
        }
        byte[] awsV6 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return java.util.Arrays.equals(b, awsV6);
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
