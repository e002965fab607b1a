package dev.mcpgateway.gateway.state;

/** The change is well-formed but clashes with the current state (an API still in use, a gateway.yml resource). */
public class ResourceConflictException extends Exception {
    public ResourceConflictException(String message) {
        super(message);
    }
}
