package dev.mcpgateway.gateway.policy.retry;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.PolicySequence;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.Set;

/**
 * Compiles {@code <retry condition count interval max-interval delta first-fast-retry>} and its policies, which
 * compile in the same section and scope. The catalog allows it in the backend section only: with no
 * {@code send-request}, the backend call is the one thing a policy document can repeat.
 */
@Singleton
public final class RetryFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("retry");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        refuseNestedRetry(element);
        return new Retry(RetryTiming.compile(element), Condition.compile(element, "condition"),
                PolicySequence.of(compiler.nested(element.children())));
    }

    /** A call is retried by one plan; a retry within another (or in its {@code choose}) would compete with it. */
    private static void refuseNestedRetry(PolicyElement element) throws PolicyDocumentException {
        for (PolicyElement child : element.children()) {
            if (child.name().equals("retry")) {
                throw new PolicyDocumentException(child.name(), child.line(), "is inside another <retry>; the"
                        + " backend call is retried by one");
            }
            refuseNestedRetry(child);
        }
    }
}
