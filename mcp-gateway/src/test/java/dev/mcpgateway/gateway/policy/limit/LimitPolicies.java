package dev.mcpgateway.gateway.policy.limit;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Refusal;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.ContextValue;
import dev.mcpgateway.gateway.policy.expression.MapContext;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.state.Source;
import java.util.List;

/**
 * The counting policies as calls meet them: documents compiled by the real engine with the three factories over the
 * given counters, an MCP call on an API running the inbound section, then completing.
 */
final class LimitPolicies {

    private final PolicyEngine engine;
    private ResourceSet documents = ResourceSet.empty();

    LimitPolicies(CallCounters counters) {
        this.engine = new PolicyEngine(List.of(new RateLimitFactory(counters), new RateLimitByKeyFactory(counters),
                new QuotaByKeyFactory(counters)));
    }

    /** Sets the document of a scope ({@code apis/a}, {@code products/p}) to these inbound statements. */
    LimitPolicies inbound(String scope, String statements) throws InvalidDefinitionException {
        ObjectNode properties = JsonNodeFactory.instance.objectNode()
                .put("value", "<policies>\n<inbound>\n" + statements + "\n</inbound>\n</policies>");
        ResourceSet next = documents.with(new Resource(ResourceKind.POLICIES, scope, properties, Source.ADMIN));
        engine.prepare(next).publish();
        documents = next;
        return this;
    }

    /** The load error of a document whose inbound section holds only {@code statement} (on line 3). */
    String loadError(String statement) {
        return assertThrows(InvalidDefinitionException.class, () -> inbound("apis/refused", statement)).getMessage();
    }

    EffectivePolicy policy(String api, String product) {
        return engine.effective(Surface.MCP, new PolicyScope(product, api, null));
    }

    static MapContext subscription(String id) {
        return new MapContext().with(ContextValue.SUBSCRIPTION_ID, id);
    }

    static MapContext address(String ip) {
        return new MapContext().with(ContextValue.REQUEST_IP_ADDRESS, ip);
    }

    /** Runs the inbound policies of the API for the call; an admitted call is left open. */
    Decision inboundOf(String api, PolicyCall call) {
        return policy(api, null).run(Section.INBOUND, call);
    }

    /** Runs the inbound policies of the API for a new call of the caller, left open. */
    Decision inboundOf(String api, MapContext caller) {
        return inboundOf(api, new PolicyCall(caller));
    }

    /** Runs a call through the inbound policies and completes it with {@code outcome}; true when admitted. */
    boolean passes(String api, String product, PolicyCall call, CallOutcome outcome) {
        Decision decision = policy(api, product).run(Section.INBOUND, call);
        call.complete(outcome);
        return decision == Decision.CONTINUE;
    }

    boolean passes(String api, PolicyCall call, int status) {
        return passes(api, null, call, new CallOutcome(status, 0, 0, 0));
    }

    boolean passes(String api, MapContext caller, int status) {
        return passes(api, new PolicyCall(caller), status);
    }

    boolean passes(String api, MapContext caller) {
        return passes(api, caller, 200);
    }

    static Refusal refusal(Decision decision) {
        return assertInstanceOf(Decision.Refuse.class, decision).refusal();
    }
}
