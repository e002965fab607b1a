package dev.mcpgateway.gateway.policy.engine;

import java.util.Set;

/**
 * A compiled statement and where it was written, so that the effective policy of an operation can say which scope
 * each of its steps comes from. The {@code <base />} marker is a step without a policy, replaced when documents are
 * composed.
 *
 * @param policy   what runs; null for {@code <base />}
 * @param element  the element name
 * @param scope    the document's scope ({@code global}, {@code products/x}, {@code apis/x}, ...)
 * @param line     the element's line in its document
 * @param surfaces where the policy applies (an {@code llm-token-limit} at global scope leaves tool calls alone)
 */
public record Step(Policy policy, String element, String scope, int line, Set<Surface> surfaces) {

    public Step {
        surfaces = Set.copyOf(surfaces);
    }

    static Step base(String scope, int line) {
        return new Step(null, "base", scope, line, Set.of(Surface.values()));
    }

    public boolean isBase() {
        return policy == null;
    }
}
