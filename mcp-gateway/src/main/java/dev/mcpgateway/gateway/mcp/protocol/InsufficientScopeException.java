package dev.mcpgateway.gateway.mcp.protocol;

/**
 * A tool call that reaches, inside its server, a tool the caller could use with more scopes: an operation of a
 * compact server, called through its invoke tool. The dispatcher answers it as it answers a {@code tools/call} of
 * such a tool, so the client steps up the same way on every kind of server.
 */
public final class InsufficientScopeException extends RuntimeException {

    private final transient ToolAccess.StepUp stepUp;

    public InsufficientScopeException(ToolAccess.StepUp stepUp) {
        super("insufficient scope", null, false, false);
        this.stepUp = stepUp;
    }

    public ToolAccess.StepUp stepUp() {
        return stepUp;
    }
}
