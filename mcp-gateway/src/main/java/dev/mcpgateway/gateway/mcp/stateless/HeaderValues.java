package dev.mcpgateway.gateway.mcp.stateless;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** Reads mirrored header values of 2026-07-28, which may come in the {@code =?base64?...?=} sentinel form. */
final class HeaderValues {

    private static final String PREFIX = "=?base64?";
    private static final String SUFFIX = "?=";

    private HeaderValues() {
    }

    /** The decoded value; empty when the header is malformed (bad Base64, control characters). */
    static Optional<String> decode(String header) {
        if (header.startsWith(PREFIX) && header.endsWith(SUFFIX) && header.length() >= PREFIX.length() + SUFFIX.length()) {
            try {
                byte[] bytes = Base64.getDecoder().decode(header.substring(PREFIX.length(), header.length() - SUFFIX.length()));
                return Optional.of(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if ((c < 0x20 && c != '\t') || c > 0x7E) {
                return Optional.empty();
            }
        }
        return Optional.of(header);
    }

    /** Whether a header value stands for a body value: strings as-is, integers numerically, booleans lower-case. */
    static boolean matches(String headerValue, Object bodyValue) {
        if (bodyValue instanceof Number number) {
            try {
                return new java.math.BigDecimal(headerValue).compareTo(new java.math.BigDecimal(number.toString())) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return headerValue.equals(String.valueOf(bodyValue));
    }
}
