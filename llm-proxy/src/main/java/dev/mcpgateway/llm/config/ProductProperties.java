package dev.mcpgateway.llm.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/** One entry of {@code llm.products.<id>}. */
@EachProperty("llm.products")
public class ProductProperties {

    private final String id;
    private String displayName;
    private boolean subscriptionRequired = true;
    private String state;
    private List<String> deployments = List.of();

    public ProductProperties(@Parameter String id) {
        this.id = id;
    }

    public String getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public boolean isSubscriptionRequired() {
        return subscriptionRequired;
    }

    public void setSubscriptionRequired(boolean subscriptionRequired) {
        this.subscriptionRequired = subscriptionRequired;
    }

    /** {@code published} (default) or {@code notPublished}. */
    public String getState() {
        return state;
    }

    public void setState(String state) {
        this.state = state;
    }

    public List<String> getDeployments() {
        return deployments;
    }

    public void setDeployments(List<String> deployments) {
        this.deployments = deployments;
    }
}
