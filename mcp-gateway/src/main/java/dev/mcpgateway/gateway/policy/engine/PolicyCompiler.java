package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the statements of one section of a document into steps with the registered factories. Nested statements
 * ({@code choose}, {@code retry}) compile through it too, as policies that skip themselves on surfaces they do not
 * apply to.
 */
public final class PolicyCompiler {

    private final Map<String, PolicyFactory> factories;
    private final String scope;
    private final Section section;
    private final ResourceSet resources;

    PolicyCompiler(Map<String, PolicyFactory> factories, String scope, Section section, ResourceSet resources) {
        this.factories = factories;
        this.scope = scope;
        this.section = section;
        this.resources = resources;
    }

    /** The configuration being compiled: a policy naming a backend checks it exists in it. */
    public ResourceSet resources() {
        return resources;
    }

    /** The scope of the document being compiled: a policy counting per scope (rate-limit) keys its counters by it. */
    public String scope() {
        return scope;
    }

    /**
     * The section the statements are in: a {@code set-header} changes the backend request in inbound and backend,
     * the caller's response in outbound and on-error.
     */
    public Section section() {
        return section;
    }

    List<Step> steps(List<PolicyElement> statements) throws PolicyDocumentException {
        List<Step> steps = new ArrayList<>(statements.size());
        for (PolicyElement statement : statements) {
            if (statement.isBase()) {
                steps.add(Step.base(scope, statement.line()));
                continue;
            }
            PolicyFactory factory = factory(statement);
            Policy policy = factory.compile(statement, this);
            steps.add(new Step(factory.countsCalls() ? new CountingOnly(policy) : policy, statement.name(), scope,
                    statement.line(), factory.surfaces()));
        }
        return steps;
    }

    /** Nested statements as one policy each, in order. */
    public List<Policy> nested(List<PolicyElement> statements) throws PolicyDocumentException {
        List<Policy> policies = new ArrayList<>(statements.size());
        for (Step step : steps(statements)) {
            Policy policy = step.policy();
            if (step.surfaces().size() != Surface.values().length) {
                policy = new SurfaceBound(policy, step.surfaces());
            }
            policies.add(policy);
        }
        return policies;
    }

    private PolicyFactory factory(PolicyElement statement) throws PolicyDocumentException {
        PolicyFactory factory = factories.get(statement.name());
        if (factory == null) {
            // the catalog and the factories are kept in step by a test; this is the guard should they drift
            throw new PolicyDocumentException(statement.name(), statement.line(), "is not applied by this gateway");
        }
        return factory;
    }

    /**
     * A counting policy (a limit, a quota; also inside {@code choose}) counts calls only: on a request that is no call
     * (a message of an MCP endpoint other than a tool call, a CORS preflight) it continues without counting.
     */
    private record CountingOnly(Policy policy) implements Policy {
        @Override
        public Decision apply(PolicyCall call) {
            return call.countsCalls() ? policy.apply(call) : Decision.CONTINUE;
        }

        @Override
        public boolean mayBlock() {
            return policy.mayBlock();
        }
    }

    /** A nested policy on a surface it does not apply to continues without doing anything. */
    private record SurfaceBound(Policy policy, Set<Surface> surfaces) implements Policy {
        @Override
        public Decision apply(PolicyCall call) {
            return surfaces.contains(call.surface()) ? policy.apply(call) : Decision.CONTINUE;
        }

        @Override
        public boolean mayBlock() {
            return policy.mayBlock();
        }
    }
}
