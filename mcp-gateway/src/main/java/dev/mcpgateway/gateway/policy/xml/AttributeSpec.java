package dev.mcpgateway.gateway.policy.xml;

import java.util.Set;

/**
 * An attribute the engine supports: whether APIM allows a policy expression in it, and, for a closed set of words
 * ({@code exists-action}), the words (matched ignoring case, as APIM does); empty when any value goes.
 */
public record AttributeSpec(String name, boolean expressions, Set<String> values) {

    public AttributeSpec {
        values = Set.copyOf(values);
    }
}
