package dev.mcpgateway.gateway.policy.xml;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every policy element APIM documents, each supported (with the attributes and child elements the engine honours
 * and the sections it may appear in) or refused with the reason. {@code base} is listed as supported in every section.
 */
public final class PolicyCatalog {

    private static final Map<String, CatalogEntry> ENTRIES = index();

    private PolicyCatalog() {
    }

    /** The element's entry, or null when APIM has no policy of that name. */
    public static CatalogEntry entry(String element) {
        return ENTRIES.get(element);
    }

    /** All entries, by name. */
    public static Collection<CatalogEntry> entries() {
        return ENTRIES.values();
    }

    private static Map<String, CatalogEntry> index() {
        Map<String, CatalogEntry> entries = new TreeMap<>();
        Stream.concat(SupportedPolicies.all().stream(), RefusedPolicies.all().stream()).forEach(entry -> {
            if (entries.put(entry.name(), entry) != null) {
                throw new IllegalStateException("the policy catalog lists " + entry.name() + " twice");
            }
        });
        return Collections.unmodifiableMap(entries);
    }
}
