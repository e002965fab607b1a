package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.xml.Section;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The policy a call on one surface and scope runs: the documents of its scopes composed with {@code <base />}, left
 * with the steps that apply to the surface. Built once per configuration and scope, then shared by every call.
 */
public final class EffectivePolicy {

    public static final EffectivePolicy NONE = new EffectivePolicy(new EnumMap<>(Section.class));

    private final Map<Section, List<Step>> sections;
    private final Policy[][] bySection;
    private final boolean mayBlock;

    private EffectivePolicy(Map<Section, List<Step>> sections) {
        this.sections = Collections.unmodifiableMap(sections);
        this.bySection = new Policy[Section.values().length][];
        boolean blocking = false;
        for (Section section : Section.values()) {
            List<Step> steps = sections.getOrDefault(section, List.of());
            bySection[section.ordinal()] = steps.stream().map(Step::policy).toArray(Policy[]::new);
            blocking |= steps.stream().anyMatch(step -> step.policy().mayBlock());
        }
        this.mayBlock = blocking;
    }

    /**
     * Composes the documents, outermost first (null where a scope has none). In each section an inner document's
     * {@code <base />} stands for what the outer ones gave; an inner section without {@code <base />} drops them, as
     * in APIM; a section the inner document leaves out keeps them.
     */
    static EffectivePolicy compose(List<CompiledDocument> outerFirst, Surface surface) {
        Map<Section, List<Step>> sections = new EnumMap<>(Section.class);
        for (Section section : Section.values()) {
            List<Step> current = List.of();
            for (CompiledDocument document : outerFirst) {
                if (document == null || !document.has(section)) {
                    continue;
                }
                List<Step> next = new ArrayList<>();
                for (Step step : document.section(section)) {
                    if (step.isBase()) {
                        next.addAll(current);
                    } else {
                        next.add(step);
                    }
                }
                current = next;
            }
            List<Step> applicable = current.stream().filter(step -> step.surfaces().contains(surface)).toList();
            if (!applicable.isEmpty()) {
                sections.put(section, applicable);
            }
        }
        return sections.isEmpty() ? NONE : new EffectivePolicy(sections);
    }

    /** Runs the section's steps in order until one does not continue. */
    public Decision run(Section section, PolicyCall call) {
        for (Policy policy : bySection[section.ordinal()]) {
            Decision decision = policy.apply(call);
            if (!(decision instanceof Decision.Continue)) {
                return decision;
            }
        }
        return Decision.CONTINUE;
    }

    public boolean isEmpty(Section section) {
        return bySection[section.ordinal()].length == 0;
    }

    public boolean isEmpty() {
        return sections.isEmpty();
    }

    /** Whether any step may wait on the network: then the call runs its policies on a virtual thread. */
    public boolean mayBlock() {
        return mayBlock;
    }

    /** The steps of each section, for reading the effective policy through {@code /admin}. */
    public Map<Section, List<Step>> sections() {
        return sections;
    }
}
