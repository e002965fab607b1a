package dev.mcpgateway.llm.policy;

import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import io.micronaut.http.HttpRequest;

/**
 * The policies an application embedding the proxy runs on its calls (the gateway: its policy engine). The proxy asks
 * once per call, after it knows the caller and the route, and runs what it gets at fixed points: inbound before the
 * cache and the backend, completion when the call has its answer.
 */
@FunctionalInterface
public interface LlmPolicies {

    LlmPolicies NONE = call -> CallPolicies.NONE;

    /**
     * The policies of this call: {@link CallPolicies#NONE} when none apply. Runs on the event loop that took the call,
     * so it must not wait; a call without policies should cost one lookup.
     */
    CallPolicies of(LlmCall call);

    /**
     * A browser's CORS preflight ({@code OPTIONS}) of an operation: answered by the policies ({@code cors}), refused,
     * or {@link InboundDecision#PROCEED} when none answers it. It carries no key, so no consumer is resolved for it
     * and nothing is counted.
     */
    default InboundDecision preflight(LlmApi api, Operation operation, HttpRequest<?> request) {
        return InboundDecision.PROCEED;
    }
}
