package dev.mcpgateway.gateway.resource;

/** {@code If-Match} named another version of the resource than the current one (or none exists for {@code *}). */
public class PreconditionFailedException extends Exception {
    public PreconditionFailedException(String message) {
        super(message);
    }
}
