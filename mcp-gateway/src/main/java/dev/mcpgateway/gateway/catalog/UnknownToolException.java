package dev.mcpgateway.gateway.catalog;

/** A {@code tools/call} named a tool the server does not have. */
public class UnknownToolException extends Exception {
    public UnknownToolException(String toolName) {
        super("Unknown tool: " + toolName);
    }
}
