package dev.mcpgateway.auth.store.seal;

import dev.mcpgateway.auth.store.AuthStoreException;

/** A sealed value does not open: the store key differs from the one it was sealed with, or the value was altered. */
public class WrongStoreKeyException extends AuthStoreException {

    public WrongStoreKeyException(String message) {
        super(message, null);
    }
}
