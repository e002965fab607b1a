package dev.mcpgateway.auth.obo;

/** The upstream provider would not (or could not) give a backend token; the message is safe to log. */
public class DelegationException extends RuntimeException {

    public DelegationException(String message) {
        super(message);
    }

    public DelegationException(String message, Throwable cause) {
        super(message, cause);
    }
}
