package dev.mcpgateway.gateway.policy.flow;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.PolicySequence;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compiles {@code choose}: one or more {@code <when>}, then at most one {@code <otherwise>}, as APIM's schema has it.
 * The nested policies compile in the same section and scope as the {@code choose}.
 */
@Singleton
public final class ChooseFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("choose");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        List<Choose.Branch> branches = new ArrayList<>();
        PolicySequence otherwise = null;
        for (PolicyElement child : element.children()) {
            if (otherwise != null) {
                throw new PolicyDocumentException(child.name(), child.line(), "comes after <otherwise>, which must"
                        + " be the last element of <choose>");
            }
            PolicySequence policies = PolicySequence.of(compiler.nested(child.children()));
            if (child.name().equals("when")) {
                branches.add(new Choose.Branch(Condition.compile(child, "condition"), policies));
            } else {
                otherwise = policies;
            }
        }
        if (branches.isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "needs at least one <when>");
        }
        return new Choose(List.copyOf(branches), otherwise == null ? PolicySequence.of(List.of()) : otherwise);
    }
}
