package dev.mcpgateway.llm.consumer;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.util.List;
import java.util.Optional;

/**
 * {@code llm.auth}: how the gateway's own OAuth access tokens identify LLM callers. Only read when an access-token
 * validator exists ({@code gateway.auth.issuer} or {@code gateway.auth.remote-issuer}).
 */
@ConfigurationProperties(GatewayTokenSettings.PREFIX)
public class GatewayTokenSettings {

    public static final String PREFIX = "llm.auth";
    public static final String DEFAULT_PATH = "/openai";
    public static final List<String> DEFAULT_SCOPES = List.of("llm");

    private boolean enabled = true;
    private String resource;
    private List<String> scopes = DEFAULT_SCOPES;
    private String product;

    /** Whether bearer tokens are tried at all once a validator exists. */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The audience the tokens must carry; empty means {@code <issuer>/openai}. */
    public Optional<String> getResource() {
        return Optional.ofNullable(resource).filter(r -> !r.isBlank());
    }

    public void setResource(String resource) {
        this.resource = resource;
    }

    /** Scopes a token needs (all of them); also what the authorization server grants for the resource. */
    public List<String> getScopes() {
        return scopes;
    }

    public void setScopes(List<String> scopes) {
        this.scopes = scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : List.copyOf(scopes);
    }

    /** The product token callers belong to, so product-scoped limits and deployment lists apply to them. */
    public Optional<String> getProduct() {
        return Optional.ofNullable(product).filter(p -> !p.isBlank());
    }

    public void setProduct(String product) {
        this.product = product;
    }
}
