package dev.mcpgateway.auth.client.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation ({@code 10.20.0.0/16}, {@code fd00:1::/48}); a bare address is a /32 or /128. */
public record Network(InetAddress prefix, int bits) {

    /** Every entry parsed; a bad one fails with its index first ({@code [2]: '...' is not ...}). */
    public static java.util.List<Network> parseAll(java.util.List<String> cidrs) {
        java.util.List<Network> networks = new java.util.ArrayList<>();
        for (int i = 0; cidrs != null && i < cidrs.size(); i++) {
            try {
                networks.add(parse(cidrs.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("[" + i + "]: " + e.getMessage());
            }
        }
        return networks;
    }

    public static Network parse(String cidr) {
        String text = cidr == null ? "" : cidr.strip();
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        // only literals: a name here would be resolved at start-up, which is not what an allow-list means
        boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean v6 = host.contains(":") && host.matches("[0-9a-fA-F.:]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + cidr + "' is not an IP address or CIDR block");
        }
        byte[] address = parsed.getAddress();
        int bits;
        try {
            bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length");
        }
        if (bits < 0 || bits > address.length * 8) {
            throw new IllegalArgumentException("'" + cidr + "' has a prefix length out of range");
        }
        return new Network(parsed, bits);
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        byte[] prefix = this.prefix.getAddress();
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
