package dev.mcpgateway.llm.policy;

import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.consumer.ConsumerResolver;
import io.micronaut.http.HttpRequest;
import java.util.function.LongSupplier;

/**
 * A call as its policies see it, once the proxy knows who calls and where the call goes.
 *
 * @param api          the API called
 * @param operation    the operation ({@link Operation#id()} is its id in policy scopes and metrics)
 * @param deployment   the deployment or model, from the Azure path or the body's {@code model}
 * @param consumer     who calls: subscription, product, owner, address, a gateway token's claims
 * @param request      the caller's request (headers, query, method, path)
 * @param stream       whether the caller asked for a stream (its prompt is always estimated)
 * @param promptTokens the prompt-token estimate, counted when first asked for, at most once
 */
public record LlmCall(LlmApi api, Operation operation, String deployment, Consumer consumer, HttpRequest<?> request,
                      boolean stream, LongSupplier promptTokens) {

    /** The subscription key the caller presented, or null for anonymous callers and gateway-token callers. */
    public String subscriptionKey() {
        return consumer.isAnonymous() || consumer.isTokenCaller() ? null
                : ConsumerResolver.presentedKey(api.subscriptionKeyParameterNames(), request);
    }
}
