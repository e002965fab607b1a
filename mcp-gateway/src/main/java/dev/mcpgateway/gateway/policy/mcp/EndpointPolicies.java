package dev.mcpgateway.gateway.policy.mcp;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.CallOrigin;
import dev.mcpgateway.gateway.policy.engine.CallOutcome;
import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.xml.Section;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The policies every message of an MCP server's endpoint passes, tool calls aside (each runs its tool's whole policy
 * on its own): the inbound section of the global and server documents, whose counting steps stand aside for a
 * request that is no call ({@link PolicyCall#countsCalls()}). So an {@code ip-filter}, {@code check-header} or
 * {@code validate-jwt} on a server keeps a refused caller from initializing or listing tools, while a rate limit
 * counts tool calls only. The transport renders a refusal as the HTTP status
 * with {@code Retry-After}, since no single tool call is refused.
 */
@Singleton
public final class EndpointPolicies {

    private final PolicyEngine engine;

    public EndpointPolicies(PolicyEngine engine) {
        this.engine = engine;
    }

    /** Continue, or the refusal or answer the server's policies give this message in place of serving it. */
    public Decision check(String server, CallOrigin origin, Optional<CallContext.Caller> caller) {
        EffectivePolicy policy = engine.effective(Surface.MCP, new PolicyScope(null, server, null));
        if (policy.isEmpty(Section.INBOUND)) {
            return Decision.CONTINUE;
        }
        PolicyCall call = new PolicyCall(new ToolCallFacts(server, null, new MessageContext(origin, caller)), false);
        Decision decision = policy.handled(policy.run(Section.INBOUND, call), call);
        call.complete(new CallOutcome(switch (decision) {
            case Decision.Continue proceed -> 200;
            case Decision.Respond respond -> respond.response().status();
            case Decision.Refuse refuse -> refuse.refusal().status();
        }, 0, 0, 0));
        return decision;
    }

    /** A message of the protocol, as the policies see it: who sends it and over which request; nothing to cancel. */
    private record MessageContext(CallOrigin origin, Optional<Caller> caller) implements CallContext {

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(double progress, Double total, String message) {
        }
    }
}
