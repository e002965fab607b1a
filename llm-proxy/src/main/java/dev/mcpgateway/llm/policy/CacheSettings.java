package dev.mcpgateway.llm.policy;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.List;

/**
 * The opt-in exact response cache ({@code llm.cache.*}): off by default; when on, for the listed deployments (empty
 * = all). Entries are partitioned by subscription (anonymous callers by client address), never shared across them.
 */
@ConfigurationProperties("llm.cache")
public class CacheSettings {

    private boolean enabled;
    private Duration ttl = Duration.ofHours(1);
    private List<String> deployments = List.of();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getTtl() {
        return ttl;
    }

    public void setTtl(Duration ttl) {
        this.ttl = ttl;
    }

    public List<String> getDeployments() {
        return deployments;
    }

    public void setDeployments(List<String> deployments) {
        this.deployments = deployments;
    }

    public boolean appliesTo(String deployment) {
        return enabled && (deployments.isEmpty() || deployments.contains(deployment));
    }
}
