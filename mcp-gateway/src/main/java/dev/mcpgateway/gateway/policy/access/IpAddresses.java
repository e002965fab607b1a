package dev.mcpgateway.gateway.policy.access;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Reads IPv4 and IPv6 addresses as written, never resolving a name: an address may come from an expression over
 * what the caller sent, and must not make the gateway query DNS. An IPv4-mapped IPv6 address reads as its IPv4
 * address, so that a dual-stack listener's callers match IPv4 filters.
 */
final class IpAddresses {

    // the JDK parses a string with ':' that starts with a hex digit or ':' as an IPv6 literal, never as a host name
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final Pattern IPV4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private IpAddresses() {
    }

    /** The address's bytes (4 or 16), or null when the text is no IPv4 or IPv6 address. */
    static byte[] parse(String text) {
        if (text == null) {
            return null;
        }
        String address = text.strip();
        if (address.indexOf(':') >= 0) {
            return IPV6.matcher(address).matches() ? literal(address) : null;
        }
        if (!IPV4.matcher(address).matches()) {
            return null;
        }
        byte[] bytes = new byte[4];
        String[] parts = address.split("\\.");
        for (int i = 0; i < 4; i++) {
            int part = Integer.parseInt(parts[i]);
            if (part > 255) {
                return null;
            }
            bytes[i] = (byte) part;
        }
        return bytes;
    }

    private static byte[] literal(String address) {
        try {
            return InetAddress.getByName(address).getAddress();
        } catch (UnknownHostException notAnAddress) {
            return null;
        }
    }
}
