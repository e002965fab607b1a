package dev.mcpgateway.auth.client.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation ({@code 10.20.0.0/16}, {@code fd00:1::/48}); a bare address is a /32 or /128. */
public record Network(byte[] prefix, int bits) {

    public static Network parse(String cidr) {
        String text = cidr == null ? "" : cidr.strip();
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        // only literals: a name here would be resolved at start-up, which is not what an allow-list means
        if (host.isEmpty() || !host.matches("[0-9a-fA-F.:]+")) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
        }
        byte[] address;
        try {
            address = InetAddress.getByName(host).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
        }
        int bits;
        try {
            bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
        }
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
        }
        return new Network(address, bits);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != prefix.length) {
            return false;
        }
        int full = bits / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != prefix[i]) {
                return false;
            }
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (candidate[full] & mask) == (prefix[full] & mask);
    }
}
