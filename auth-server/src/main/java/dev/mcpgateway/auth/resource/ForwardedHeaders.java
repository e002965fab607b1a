package dev.mcpgateway.auth.resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The headers of a client request that may travel on to a backend (checklist item 15). The client's token was
 * issued for the gateway (its audience is the MCP server), so passing it on would be token passthrough: it, the
 * cookies and the MCP session headers are always removed; backends get their own credentials from the credential
 * manager.
 */
public final class ForwardedHeaders {

    private static final Set<String> NEVER_FORWARDED = Set.of("authorization", "proxy-authorization", "cookie",
            "mcp-session-id", "mcp-protocol-version", "last-event-id", "host", "content-length", "connection",
            "transfer-encoding", "upgrade", "te", "keep-alive", "trailer");

    private ForwardedHeaders() {
    }

    public static Map<String, List<String>> strip(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            if (!NEVER_FORWARDED.contains(name.toLowerCase(Locale.ROOT))) {
                kept.put(name, List.copyOf(values));
            }
        });
        return kept;
    }
}
