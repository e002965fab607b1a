package dev.mcpgateway.auth.backend;

/**
 * A credential could not be obtained (token endpoint unreachable or refusing). The message is safe to show: it
 * never carries a secret or the token endpoint's response body.
 */
public class CredentialUnavailableException extends Exception {
    public CredentialUnavailableException(String message) {
        super(message);
    }

    public CredentialUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
