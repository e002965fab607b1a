package dev.mcpgateway.llm.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** One entry of {@code llm.backends.<id>}: compiled into a {@link dev.mcpgateway.llm.backend.Backend} at startup. */
@EachProperty("llm.backends")
public class BackendProperties {

    private final String id;
    private String url;
    private String type;
    private String apiKey;
    private String bearerToken;
    private Duration timeout;
    private String deployment;
    private String apiVersion;
    private List<String> models = List.of();
    private Map<String, String> circuitBreaker = Map.of();
    private Map<String, String> clientCredentials = Map.of();

    public BackendProperties(@Parameter String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    /** {@code azure-openai} or {@code openai} (OpenAI-compatible). */
    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getBearerToken() {
        return bearerToken;
    }

    public void setBearerToken(String bearerToken) {
        this.bearerToken = bearerToken;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public String getDeployment() {
        return deployment;
    }

    public void setDeployment(String deployment) {
        this.deployment = deployment;
    }

    public String getApiVersion() {
        return apiVersion;
    }

    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** Deployment/model names routed straight to this backend. */
    public List<String> getModels() {
        return models;
    }

    public void setModels(List<String> models) {
        this.models = models;
    }

    /** OAuth client credentials (Entra): token-url or tenant-id, client-id, client-secret, scope. */
    public Map<String, String> getClientCredentials() {
        return clientCredentials;
    }

    public void setClientCredentials(Map<String, String> clientCredentials) {
        this.clientCredentials = clientCredentials;
    }

    /** failure-count, failure-percentage, interval, status-code-ranges, error-reasons, trip-duration, ... */
    public Map<String, String> getCircuitBreaker() {
        return circuitBreaker;
    }

    public void setCircuitBreaker(Map<String, String> circuitBreaker) {
        this.circuitBreaker = circuitBreaker;
    }
}
