package dev.mcpgateway.llm.backend;

import dev.mcpgateway.auth.backend.BackendCredential;
import dev.mcpgateway.auth.backend.NoCredential;
import dev.mcpgateway.llm.breaker.BreakerRule;
import java.net.URI;
import java.time.Duration;

/**
 * One model endpoint as the relay uses it: built once from a resource definition and put into the
 * {@link BackendRegistry}.
 *
 * @param url        Azure: the resource root ({@code https://x.openai.azure.com}); OpenAI-compatible: the API root
 *                   including its version segment ({@code https://api.openai.com/v1})
 * @param deployment the name to use upstream instead of the requested deployment/model (null = same name)
 * @param credential what the proxy presents to the backend in place of the caller's key (which is never forwarded)
 * @param apiVersion the Azure {@code api-version} sent when the caller gave none (OpenAI-style calls)
 */
public record Backend(String id, URI url, BackendType type, BackendCredential credential, Duration timeout,
                      String deployment, String apiVersion, BreakerRule breaker) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);
    public static final String DEFAULT_API_VERSION = "2024-10-21";

    public Backend {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a backend has an id");
        }
        if (url == null || url.getScheme() == null || !url.getScheme().startsWith("http")) {
            throw new IllegalArgumentException("backend '" + id + "': url must be an http(s) URL");
        }
        type = type == null ? BackendType.OPENAI : type;
        credential = credential == null ? NoCredential.INSTANCE : credential;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        apiVersion = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API_VERSION : apiVersion;
        breaker = breaker == null ? BreakerRule.defaults() : breaker;
    }
}
