package dev.mcpgateway.gateway.policy.xml;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A policy document read and checked: the statements of each section that the document has. A section the
 * document leaves out is absent ({@link #has} false), which the engine tells apart from an empty one.
 */
public record PolicyDocument(Map<Section, List<PolicyElement>> sections) {

    public PolicyDocument {
        EnumMap<Section, List<PolicyElement>> copy = new EnumMap<>(Section.class);
        sections.forEach((section, statements) -> copy.put(section, List.copyOf(statements)));
        sections = Collections.unmodifiableMap(copy);
    }

    public boolean has(Section section) {
        return sections.containsKey(section);
    }

    /** The section's statements in document order, {@code <base />} included; empty when the section is absent. */
    public List<PolicyElement> section(Section section) {
        return sections.getOrDefault(section, List.of());
    }
}
