package dev.mcpgateway.gateway.policy.headers;

import java.util.Locale;
import java.util.Set;

/**
 * What a header or a query parameter may be named and hold, so that a value from an expression can never break the
 * request the surface builds (a line break in a header, a framing header the gateway computes itself).
 */
public enum NameRules {
    HEADER,
    QUERY_PARAMETER;

    /** Framing and hop-by-hop headers: the gateway's HTTP client sets them, as APIM's does. */
    private static final Set<String> RESERVED = Set.of("connection", "content-length", "expect", "host", "keep-alive",
            "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade");

    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    /** Why the name cannot be set, or null when it can. */
    String problemWithName(String name) {
        if (name.isEmpty()) {
            return "it is empty";
        }
        if (this == QUERY_PARAMETER) {
            return null;
        }
        if (!name.chars().allMatch(NameRules::isTokenChar)) {
            return "'" + name + "' is not a valid header name";
        }
        return RESERVED.contains(name.toLowerCase(Locale.ROOT)) ? "'" + name + "' is set by the gateway"
                + " itself"
                : null;
    }

    /** Whether the value can be sent: a header value (or a reason phrase) holds no control character but tab. */
    public boolean acceptsValue(String value) {
        return this == QUERY_PARAMETER || value.chars().noneMatch(c -> c < 0x20 && c != '\t' || c == 0x7f);
    }

    private static boolean isTokenChar(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }
}
