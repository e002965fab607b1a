package dev.mcpgateway.gateway.policy.expression;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The string members of APIM's {@code context} that expressions may read, by their path under {@code context}. */
public enum ContextValue {
    SUBSCRIPTION_ID("Subscription.Id"),
    SUBSCRIPTION_KEY("Subscription.Key"),
    SUBSCRIPTION_NAME("Subscription.Name"),
    PRODUCT_ID("Product.Id"),
    PRODUCT_NAME("Product.Name"),
    API_ID("Api.Id"),
    API_NAME("Api.Name"),
    API_PATH("Api.Path"),
    OPERATION_ID("Operation.Id"),
    REQUEST_IP_ADDRESS("Request.IpAddress"),
    REQUEST_METHOD("Request.Method"),
    REQUEST_URL_PATH("Request.Url.Path"),
    USER_ID("User.Id"),
    USER_EMAIL("User.Email"),
    DEPLOYMENT_REGION("Deployment.Region"),
    MCP_TOOL_NAME("Mcp.ToolName"),
    MCP_SESSION_ID("Mcp.SessionId"),
    MCP_CLIENT_NAME("Mcp.ClientName");

    private static final Map<String, ContextValue> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ContextValue::path, Function.identity()));

    private final String path;

    ContextValue(String path) {
        this.path = path;
    }

    /** The path under {@code context}, e.g. {@code Subscription.Id}. */
    public String path() {
        return path;
    }

    /** The member at that path, or null when the subset has none. */
    public static ContextValue byPath(String path) {
        return BY_PATH.get(path);
    }
}
