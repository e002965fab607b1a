package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.CallFacts;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.consumer.Product;
import dev.mcpgateway.llm.consumer.Subscription;
import dev.mcpgateway.llm.policy.LlmCall;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * An LLM call as the engine's expressions read it, over what the proxy resolved: every member is read when an
 * expression asks for it, not before. It also carries what the LLM policies leave for the proxy: the token-limit
 * policy reads the prompt estimate, the token-metric policy leaves its metric labels.
 */
final class LlmCallFacts implements CallFacts {

    private final LlmCall call;
    private final ConsumerDirectory directory;
    private final Function<String, String> apiNames;
    private Map<String, String> metricLabels;

    LlmCallFacts(LlmCall call, ConsumerDirectory directory, Function<String, String> apiNames) {
        this.call = call;
        this.directory = directory;
        this.apiNames = apiNames;
    }

    /** The LLM facts of a call on the LLM surface; the LLM policies run on no other. */
    static LlmCallFacts of(PolicyCall policyCall) {
        return (LlmCallFacts) policyCall.facts();
    }

    LlmCall call() {
        return call;
    }

    @Override
    public Surface surface() {
        return Surface.LLM;
    }

    @Override
    public String value(ContextValue value) {
        Consumer consumer = call.consumer();
        return switch (value) {
            case SUBSCRIPTION_ID -> consumer.subscriptionId();
            case SUBSCRIPTION_KEY -> call.subscriptionKey();
            case SUBSCRIPTION_NAME -> consumer.subscriptionId() == null ? null
                    : directory.subscription(consumer.subscriptionId()).map(Subscription::displayName).orElse(null);
            case PRODUCT_ID -> consumer.productId();
            case PRODUCT_NAME -> consumer.productId() == null ? null
                    : directory.product(consumer.productId()).map(Product::displayName).orElse(null);
            case API_ID -> call.api().id();
            case API_NAME -> apiNames.apply(call.api().id());
            case API_PATH -> call.api().path();
            case OPERATION_ID -> call.operation().id();
            case REQUEST_IP_ADDRESS -> consumer.clientAddress();
            case REQUEST_METHOD -> call.request().getMethodName();
            case REQUEST_URL_PATH -> call.request().getPath();
            case USER_ID -> consumer.ownerId();
            case USER_EMAIL -> consumer.claims().get("email") instanceof String email ? email : null;
            case DEPLOYMENT_REGION, MCP_TOOL_NAME, MCP_SESSION_ID, MCP_CLIENT_NAME -> null;
        };
    }

    @Override
    public String header(String name) {
        return RequestValues.header(call.request(), name);
    }

    @Override
    public String queryParameter(String name) {
        return RequestValues.queryParameter(call.request(), name);
    }

    /** Sets a label of the call's token metrics (a built-in one, or a custom dimension). */
    void metricLabel(String label, String value) {
        if (metricLabels == null) {
            metricLabels = new HashMap<>();
        }
        metricLabels.put(label, value);
    }

    Map<String, String> metricLabels() {
        return metricLabels == null ? Map.of() : metricLabels;
    }
}
