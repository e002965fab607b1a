package dev.mcpgateway.auth.store;

/** The auth state store failed (disk, Redis); rendered as a generic 503, the cause only logged. */
public class AuthStoreException extends RuntimeException {

    public AuthStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
