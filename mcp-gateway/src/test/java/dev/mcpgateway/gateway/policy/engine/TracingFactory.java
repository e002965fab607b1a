package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import java.util.EnumSet;
import java.util.Set;

/**
 * A factory for the engine's own tests: each statement appends {@code scope:label} to the call's {@code trace}
 * variable (the label is the {@code name} attribute, else the element name), so that a test reads which statements
 * ran and in which order. A {@code value} of {@code refuse} or {@code respond} makes the statement decide instead.
 */
final class TracingFactory implements PolicyFactory {

    static final String TRACE = "trace";

    private final Set<String> elements;
    private final Set<Surface> surfaces;
    private final boolean blocking;

    private TracingFactory(Set<String> elements, Set<Surface> surfaces, boolean blocking) {
        this.elements = elements;
        this.surfaces = surfaces;
        this.blocking = blocking;
    }

    /** {@code set-variable} on every surface. */
    static TracingFactory everywhere() {
        return new TracingFactory(Set.of("set-variable"), EnumSet.allOf(Surface.class), false);
    }

    /** {@code llm-emit-token-metric}, on LLM calls only. */
    static TracingFactory llmOnly() {
        return new TracingFactory(Set.of("llm-emit-token-metric"), EnumSet.of(Surface.LLM), false);
    }

    /** {@code rate-limit}, which may wait on the network. */
    static TracingFactory blocking() {
        return new TracingFactory(Set.of("rate-limit"), EnumSet.allOf(Surface.class), true);
    }

    static String trace(PolicyCall call) {
        Object trace = call.variable(TRACE);
        return trace == null ? "" : trace.toString().strip();
    }

    @Override
    public Set<String> elements() {
        return elements;
    }

    @Override
    public Set<Surface> surfaces() {
        return surfaces;
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) {
        String label = compiler.scope() + ":" + (element.attribute("name") == null ? element.name()
                : element.attribute("name").evaluateText(null));
        String outcome = element.attribute("value") == null ? "" : element.attribute("value").evaluateText(null);
        return new Policy() {
            @Override
            public Decision apply(PolicyCall call) {
                call.setVariable(TRACE, trace(call) + " " + label);
                return switch (outcome) {
                    case "refuse" -> new Decision.Refuse(Refusal.of(403, "refused", "Refused by " + label));
                    case "respond" -> new Decision.Respond(new PolicyResponse(204, java.util.Map.of(), ""));
                    default -> Decision.CONTINUE;
                };
            }

            @Override
            public boolean mayBlock() {
                return blocking;
            }
        };
    }
}
