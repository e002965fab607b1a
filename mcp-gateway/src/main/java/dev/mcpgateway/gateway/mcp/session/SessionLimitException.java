package dev.mcpgateway.gateway.mcp.session;

/** No new session can be opened: the store holds as many as it may. Clients should retry later. */
public class SessionLimitException extends RuntimeException {
    public SessionLimitException() {
        super("session limit reached", null, false, false);
    }
}
