package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.xml.PolicyDocument;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.Section;
import dev.mcpgateway.gateway.resource.ResourceSet;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One scope's document with every statement compiled; a section the document leaves out stays absent. */
record CompiledDocument(Map<Section, List<Step>> sections) {

    CompiledDocument {
        sections = Collections.unmodifiableMap(new EnumMap<>(sections));
    }

    static CompiledDocument compile(PolicyDocument document, Map<String, PolicyFactory> factories, String scope,
                                    ResourceSet resources) throws PolicyDocumentException {
        Map<Section, List<Step>> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            if (document.has(section)) {
                PolicyCompiler compiler = new PolicyCompiler(factories, scope, section, resources);
                sections.put(section, List.copyOf(compiler.steps(document.section(section))));
            }
        }
        return new CompiledDocument(sections);
    }

    boolean has(Section section) {
        return sections.containsKey(section);
    }

    List<Step> section(Section section) {
        return sections.getOrDefault(section, List.of());
    }
}
