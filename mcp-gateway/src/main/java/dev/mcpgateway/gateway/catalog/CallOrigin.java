package dev.mcpgateway.gateway.catalog;

/**
 * The HTTP request a tool call came in on, as policies read it ({@code context.Request.*}, {@code context.Mcp.*}).
 * Headers are looked up on demand, never copied: most calls read none.
 *
 * @param headers       the request's headers, values joined with {@code ","}; null when absent
 * @param clientAddress the caller's IP address
 * @param method        the HTTP method
 * @param path          the request path
 * @param sessionId     the MCP session, null for a stateless request
 * @param clientName    the {@code clientInfo.name} the client gave at initialize, null when unknown
 */
public record CallOrigin(HeaderLookup headers, String clientAddress, String method, String path, String sessionId,
                         String clientName) {

    /** For calls made outside any HTTP request (tests, tools invoking tools). */
    public static final CallOrigin NONE = new CallOrigin(name -> null, null, null, null, null, null);

    /** Header values by name, case-insensitive, joined with {@code ","}; null when absent. */
    @FunctionalInterface
    public interface HeaderLookup {
        String get(String name);
    }

    /** The same request, seen within a session. */
    public CallOrigin inSession(String session, String client) {
        return new CallOrigin(headers, clientAddress, method, path, session, client);
    }
}
