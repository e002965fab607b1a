package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.BackendRetry;
import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.llm.policy.CallPolicies;
import dev.mcpgateway.llm.policy.InboundDecision;
import dev.mcpgateway.llm.retry.RetryDecision;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One LLM call's run of the engine: the configured policies, then the inbound section of its effective policy, later
 * its backend section and the retry that may leave, the outbound section once the answer is known, and on-error after
 * a refusal, each decision turned into the proxy's; completion hands the status and the tokens to what the policies
 * left for the end.
 */
final class EngineCallPolicies implements CallPolicies {

    private final LlmCallFacts facts;
    private final PolicyCall call;
    private final ConfiguredLlmPolicies configured;
    private final EffectivePolicy effective;

    EngineCallPolicies(LlmCallFacts facts, ConfiguredLlmPolicies configured, EffectivePolicy effective) {
        this.facts = facts;
        this.call = new PolicyCall(facts);
        this.configured = configured;
        this.effective = effective;
    }

    @Override
    public boolean mayBlock() {
        return configured.mayBlock() || effective.mayBlock();
    }

    @Override
    public InboundDecision inbound() {
        Decision decision = configured.run(call);
        if (decision instanceof Decision.Continue) {
            decision = effective.run(Section.INBOUND, call);
        }
        return proxied(onError(decision));
    }

    @Override
    public InboundDecision outbound(int status, UnaryOperator<String> headers) {
        call.responseStatus(status);
        call.receivedResponseHeaders(headers);
        return proxied(onError(effective.run(Section.OUTBOUND, call)));
    }

    /** A refusal runs the on-error section, which may answer in its place, as on tool calls. */
    private Decision onError(Decision decision) {
        return effective.handled(decision, call);
    }

    @Override
    public InboundDecision backend() {
        return proxied(onError(sendable(effective.run(Section.BACKEND, call))));
    }

    @Override
    public RetryDecision retry(int status, int attempt) {
        BackendRetry retry = call.retry();
        if (retry == null) {
            return RetryDecision.stop();
        }
        call.responseStatus(status);
        return retry.after(call, attempt);
    }

    @Override
    public InboundDecision again() {
        return proxied(sendable(call.retry().again(call)));
    }

    @Override
    public String backendId() {
        return call.backendId();
    }

    @Override
    public Map<String, List<String>> requestHeaders() {
        return call.requestHeaders();
    }

    @Override
    public Duration forwardTimeout() {
        return call.forwardTimeout();
    }

    /** A model call goes to a backend resource, which a {@code base-url} alone does not name. */
    private Decision sendable(Decision decision) {
        if (decision instanceof Decision.Continue && call.backendId() == null && call.backendUrl() != null) {
            return new Decision.Refuse(Refusal.of(500, "backend_not_supported", "Model calls go to a backend"
                    + " resource; set-backend-service must name one with backend-id."));
        }
        return decision;
    }

    private InboundDecision proxied(Decision decision) {
        return proxied(decision, call);
    }

    /** The engine's decision as the proxy takes it. */
    static InboundDecision proxied(Decision decision, PolicyCall call) {
        return switch (decision) {
            case Decision.Continue proceed -> InboundDecision.PROCEED;
            case Decision.Respond respond -> answer(respond.response());
            case Decision.Refuse refuse -> refusal(refuse.refusal(), call);
        };
    }

    private static InboundDecision answer(PolicyResponse response) {
        return new InboundDecision.Respond(response.status(), response.headers(), response.body());
    }

    /**
     * {@code Retry-After} goes with every refusal that says when to try again, as APIM's limits send it; so do the
     * headers policies set for the caller before the refusal (a {@code cors} answer's headers, so a page can read it).
     */
    private static InboundDecision refusal(Refusal refusal, PolicyCall call) {
        Map<String, String> headers = new LinkedHashMap<>();
        call.responseHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, String.join(", ", values));
            }
        });
        if (refusal.retryAfterSeconds() != null) {
            headers.put("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        }
        headers.putAll(refusal.headers());
        return new InboundDecision.Refuse(refusal.status(), refusal.code(), refusal.message(), headers);
    }

    @Override
    public Map<String, List<String>> responseHeaders() {
        return call.responseHeaders();
    }

    @Override
    public Map<String, String> metricLabels() {
        return facts.metricLabels();
    }

    @Override
    public void complete(int status, long tokens) {
        call.responseStatus(status);
        call.complete(new CallOutcome(status, 0, 0, tokens));
    }
}
