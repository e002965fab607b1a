package dev.mcpgateway.auth.resource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CORS for OAuth discovery, the token/registration/revocation endpoints and MCP paths (checklist item 16). Any origin
 * may call them: they are authenticated by bearer tokens or PKCE, never by cookies, so no credentials are allowed.
 */
public final class CorsPolicy {

    public static final String ALLOWED_HEADERS =
            "Authorization, Content-Type, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID";
    public static final String EXPOSED_HEADERS = "WWW-Authenticate, Mcp-Session-Id";
    public static final String ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";

    private CorsPolicy() {
    }

    /** Headers for the answer to an {@code OPTIONS} preflight. */
    public static Map<String, String> preflightHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>(responseHeaders(origin));
        headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
        headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
        headers.put("Access-Control-Max-Age", "600");
        return headers;
    }

    /** Headers for an actual cross-origin response. */
    public static Map<String, String> responseHeaders(String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Access-Control-Allow-Origin", "*");
        headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        if (origin != null) {
            headers.put("Vary", "Origin");
        }
        return headers;
    }
}
