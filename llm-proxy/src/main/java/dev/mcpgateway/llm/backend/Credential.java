package dev.mcpgateway.llm.backend;

import dev.mcpgateway.auth.backend.ClientCredentialsTokenSource;
import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.Secret;
import java.util.function.BiConsumer;

/** What the proxy presents to a backend in place of the caller's key (the caller's key is never forwarded). */
public sealed interface Credential {

    /**
     * Adds the credential to an upstream request.
     *
     * @param header sets one upstream request header
     * @throws CredentialUnavailableException when it cannot be had right now (token endpoint down)
     */
    void apply(BiConsumer<String, String> header) throws CredentialUnavailableException;

    /** Whether {@link #apply} may wait on the network (a token fetch), so must not run on an event loop. */
    default boolean mayBlock() {
        return false;
    }

    /** No credential (a local OpenAI-compatible server). */
    record None() implements Credential {
        @Override
        public void apply(BiConsumer<String, String> header) {
        }
    }

    /** Azure OpenAI style {@code api-key} header. */
    record ApiKey(Secret key) implements Credential {
        @Override
        public void apply(BiConsumer<String, String> header) {
            header.accept("api-key", key.reveal());
        }
    }

    /** {@code Authorization: Bearer} with a static token (OpenAI keys, pre-issued Entra tokens). */
    record Bearer(Secret token) implements Credential {
        @Override
        public void apply(BiConsumer<String, String> header) {
            header.accept("Authorization", "Bearer " + token.reveal());
        }
    }

    /**
     * An OAuth 2.0 client-credentials token (Entra ID for Azure OpenAI: scope
     * {@code https://cognitiveservices.azure.com/.default}), fetched and cached by the auth-server's token source
     * shared with the gateway: one fetch for a burst of calls, refreshed shortly before expiry.
     */
    record ClientCredentials(ClientCredentialsTokenSource tokens) implements Credential {
        @Override
        public void apply(BiConsumer<String, String> header) throws CredentialUnavailableException {
            header.accept("Authorization", "Bearer " + tokens.accessToken().reveal());
        }

        @Override
        public boolean mayBlock() {
            return true;
        }

        /** After a 401 from the backend: the next call fetches a new token. */
        public void invalidate() {
            tokens.invalidate();
        }
    }
}
