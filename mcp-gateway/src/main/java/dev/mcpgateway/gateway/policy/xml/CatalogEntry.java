package dev.mcpgateway.gateway.policy.xml;

import java.util.Set;

/** An APIM policy element as this gateway takes it: supported with its shape, or refused with the reason. */
public sealed interface CatalogEntry {

    String name();

    /** A policy the engine runs, in these sections. */
    record Supported(ElementSpec element, Set<Section> sections) implements CatalogEntry {

        public Supported {
            sections = Set.copyOf(sections);
        }

        @Override
        public String name() {
            return element.name();
        }
    }

    /** A policy refused at load; {@code planned} when it is on the way (the reason says so). */
    record Refused(String name, String reason, boolean planned) implements CatalogEntry {
    }
}
