package dev.mcpgateway.llm.backend;

import java.net.http.HttpRequest;

/** What the proxy presents to a backend in place of the caller's key (the caller's key is never forwarded). */
public sealed interface Credential {

    void apply(HttpRequest.Builder request);

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
            request.header("api-key", key.value());
        }
    }

    /** {@code Authorization: Bearer} with a static token (OpenAI keys, pre-issued Entra tokens). */
    record Bearer(Secret token) implements Credential {
        @Override
        public void apply(HttpRequest.Builder request) {
            request.header("Authorization", "Bearer " + token.value());
        }
    }
}
