package dev.mcpgateway.gateway.policy.xml;

import dev.mcpgateway.gateway.policy.expression.Expression;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One element of a policy document, checked against the {@link PolicyCatalog}: a policy statement, a child element
 * of one ({@code <value>}, {@code <when>}), or the {@code <base />} marker. Attribute values and text are compiled
 * already: plain text is a constant {@link Expression}, {@code @(...)} a compiled one. {@code line} and
 * {@code column} are where the start tag begins, 1-based.
 */
public record PolicyElement(String name, Map<String, Expression> attributes, List<PolicyElement> children,
                            Expression text, int line, int column) {

    public static final String BASE = "base";

    public PolicyElement {
        attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        children = List.copyOf(children);
    }

    /** The place of the enclosing scope's policies in a section. */
    public boolean isBase() {
        return name.equals(BASE);
    }

    /** The attribute's compiled value, or null when it is not set. */
    public Expression attribute(String attribute) {
        return attributes.get(attribute);
    }

    /** The child elements of that name, in document order. */
    public List<PolicyElement> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }
}
