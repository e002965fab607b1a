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
    private final PolicySequence[] bySection;
    private final boolean mayBlock;

    private EffectivePolicy(Map<Section, List<Step>> sections) {
        this.sections = Collections.unmodifiableMap(sections);
        this.bySection = new PolicySequence[Section.values().length];
        boolean blocking = false;
        for (Section section : Section.values()) {
            PolicySequence sequence = PolicySequence.of(sections.getOrDefault(section, List.of()).stream()
                    .map(Step::policy).toList());
            bySection[section.ordinal()] = sequence;
            blocking |= sequence.mayBlock();
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
        return bySection[section.ordinal()].apply(call);
    }

    /**
     * A refusal runs the on-error section, which may answer in its place (any other decision of it leaves the
     * refusal); every other decision is returned as it is. The same on every surface.
     */
    public Decision handled(Decision decision, PolicyCall call) {
        if (!(decision instanceof Decision.Refuse refuse) || isEmpty(Section.ON_ERROR)) {
            return decision;
        }
        call.responseStatus(refuse.refusal().status());
        Decision answered = run(Section.ON_ERROR, call);
        return answered instanceof Decision.Respond ? answered : decision;
    }

    public boolean isEmpty(Section section) {
        return bySection[section.ordinal()].isEmpty();
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
