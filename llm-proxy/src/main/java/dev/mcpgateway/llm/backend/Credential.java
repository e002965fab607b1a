package dev.mcpgateway.llm.backend;

import dev.mcpgateway.auth.backend.ClientCredentialsTokenSource;
import dev.mcpgateway.auth.backend.CredentialUnavailableException;
import dev.mcpgateway.auth.backend.Secret;
import java.net.http.HttpRequest;

/** What the proxy presents to a backend in place of the caller's key (the caller's key is never forwarded). */
public sealed interface Credential {

    /**
     * Adds the credential to an upstream request.
     *
     * @throws CredentialUnavailableException when it cannot be had right now (token endpoint down)
     */
    void apply(HttpRequest.Builder request) throws CredentialUnavailableException;

    /** No credential (a local OpenAI-compatible server). */
    record None() implements Credential {
        @Override
        public void apply(HttpRequest.Builder request) {
        }
    }

    /** Azure OpenAI style {@code api-key} header. */
    record ApiKey(Secret key) implements Credential {
        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("api-key", key.reveal());
        }
    }

    /** {@code Authorization: Bearer} with a static token (OpenAI keys, pre-issued Entra tokens). */
    record Bearer(Secret token) implements Credential {
        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("Authorization", "Bearer " + token.reveal());
        }
    }

    /**
     * An OAuth 2.0 client-credentials token (Entra ID for Azure OpenAI: scope
     * {@code https://cognitiveservices.azure.com/.default}), fetched and cached by the auth-server's token source
     * shared with the gateway: one fetch for a burst of calls, refreshed shortly before expiry.
     */
    record ClientCredentials(ClientCredentialsTokenSource tokens) implements Credential {
        @Override
        public void apply(HttpRequest.Builder request) throws CredentialUnavailableException {
            request.header("Authorization", "Bearer " + tokens.accessToken().reveal());
        }

        /** After a 401 from the backend: the next call fetches a new token. */
        public void invalidate() {
            tokens.invalidate();
        }
    }
}
