package dev.mcpgateway.gateway.config;

/**
 * A declared API or MCP server cannot be accepted. {@link #field()} names the key (e.g. {@code credentials.in},
 * {@code operations[2]}); the message is written for the administrator and safe to return.
 */
public class InvalidDefinitionException extends Exception {

    private final String field;

    public InvalidDefinitionException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
