package dev.mcpgateway.gateway.state;

/** No API or MCP server of that name. */
public class ResourceNotFoundException extends Exception {
    public ResourceNotFoundException(String kind, String id) {
        super(kind + " '" + id + "' does not exist");
    }
}
