package dev.mcpgateway.gateway.policy;

import static dev.mcpgateway.gateway.resource.ResourceFixtures.assertRefusedAt;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import dev.mcpgateway.gateway.policy.engine.EffectivePolicy;
import dev.mcpgateway.gateway.policy.engine.PolicyEngine;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.PolicyScope;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.resource.Resource;
import dev.mcpgateway.gateway.resource.ResourceKind;
import dev.mcpgateway.gateway.resource.ResourceSet;
import dev.mcpgateway.gateway.state.Source;
import java.util.List;
import java.util.Map;

/**
 * Policy documents served by a real {@link PolicyEngine} with the factories a test names, without an application
 * context. Documents are {@code rawxml}, so expressions are written as C#.
 */
public final class PolicyFixtures {

    /** The scope of {@link #global}'s document, as an MCP tool call on it sees it. */
    public static final PolicyScope ANY_SCOPE = new PolicyScope(null, "api", "operation");

    private PolicyFixtures() {
    }

    /** The documents, by scope ({@code global}, {@code apis/x}, ...), as POLICIES resources. */
    public static ResourceSet documents(Map<String, String> byScope) {
        ResourceSet set = ResourceSet.empty();
        for (Map.Entry<String, String> document : byScope.entrySet()) {
            set = set.with(new Resource(ResourceKind.POLICIES, document.getKey(), JsonNodeFactory.instance
                    .objectNode().put("format", "rawxml").put("value", document.getValue()), Source.ADMIN));
        }
        return set;
    }

    /** An engine with the factories, serving the documents. */
    public static PolicyEngine serving(Map<String, String> byScope, PolicyFactory... factories)
            throws InvalidDefinitionException {
        PolicyEngine engine = new PolicyEngine(List.of(factories));
        engine.prepare(documents(byScope)).publish();
        return engine;
    }

    /** The effective policy of a call on the surface when the global document is the only one. */
    public static EffectivePolicy global(Surface surface, String document, PolicyFactory... factories)
            throws InvalidDefinitionException {
        return serving(Map.of(PolicyScope.GLOBAL, document), factories).effective(surface, ANY_SCOPE);
    }

    /** Asserts the global document is refused at load, and returns the refusal's message. */
    public static String refused(String document, PolicyFactory... factories) {
        PolicyEngine engine = new PolicyEngine(List.of(factories));
        return assertRefusedAt("policies.global.value", () -> engine.prepare(documents(Map.of(PolicyScope.GLOBAL,
                document)))).getMessage();
    }

    /** A document with the statements in one section, e.g. {@code inbound(...)}. */
    public static String inbound(String statements) {
        return in("inbound", statements);
    }

    public static String in(String section, String statements) {
        return "<policies>\n<" + section + ">\n" + statements + "\n</" + section + ">\n</policies>";
    }
}
