package dev.mcpgateway.gateway.policy.llm;

import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.gateway.resource.ManagementState;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.Operation;
import dev.mcpgateway.llm.consumer.ConsumerDirectory;
import dev.mcpgateway.llm.policy.CallPolicies;
import dev.mcpgateway.llm.policy.InboundDecision;
import dev.mcpgateway.llm.policy.LlmCall;
import dev.mcpgateway.llm.policy.LlmPolicies;
import io.micronaut.context.BeanProvider;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.function.Function;

/**
 * The LLM proxy's policies are the engine's: a call runs the effective policy of its scope (the caller's product, the
 * API, the operation) on the LLM surface, after the ones configured as {@code llm.*} properties. A call that no policy
 * applies to costs one lookup and nothing else.
 */
@Singleton
public final class EngineLlmPolicies implements LlmPolicies {

    private final PolicyEngine engine;
    private final ConfiguredLlmPolicies configured;
    private final ConsumerDirectory directory;
    private final Function<String, String> apiNames;

    public EngineLlmPolicies(PolicyEngine engine, ConfiguredLlmPolicies configured, ConsumerDirectory directory,
                             BeanProvider<ManagementState> management) {
        this.engine = engine;
        this.configured = configured;
        this.directory = directory;
        this.apiNames = apiId -> management.get().get(ResourceKind.APIS, apiId).map(EngineLlmPolicies::displayName)
                .orElse(null);
    }

    private static String displayName(Resource api) {
        String name = api.text("displayName");
        return name != null ? name : api.id();
    }

    @Override
    public CallPolicies of(LlmCall call) {
        EffectivePolicy effective = engine.effective(Surface.LLM,
                new PolicyScope(call.consumer().productId(), call.api().id(), call.operation().id()));
        if (effective.isEmpty() && configured.isEmpty()) {
            return CallPolicies.NONE;
        }
        return new EngineCallPolicies(new LlmCallFacts(call, directory, apiNames), configured, effective);
    }

    @Override
    public InboundDecision preflight(LlmApi api, Operation operation, HttpRequest<?> request) {
        EffectivePolicy policy = engine.effective(Surface.LLM, new PolicyScope(null, api.id(), operation.id()));
        if (policy.isEmpty(Section.INBOUND)) {
            return InboundDecision.PROCEED;
        }
        PolicyCall call = new PolicyCall(new PreflightFacts(api, operation, request), false);
        return EngineCallPolicies.proxied(policy.run(Section.INBOUND, call), call);
    }
}
