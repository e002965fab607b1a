package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One resource found in the document, before it is mapped: either declared, or not deployable as written. */
sealed interface Declaration {

    /**
     * @param type       the full ARM type, e.g. {@code Microsoft.ApiManagement/service/apis/operations}
     * @param names      the name segments, with the service name first when the document gives it
     * @param properties the {@code properties} as declared, expressions not yet evaluated
     * @param values     evaluates {@code properties} when (and only if) the type is imported
     */
    record Resource(String type, List<String> names, JsonNode properties, ValueResolver values)
            implements Declaration {

        public Resource {
            names = List.copyOf(names);
        }
    }

    /** Found but never deployed as written: {@code existing}, a false condition, a copy loop, an unreadable name. */
    record Skipped(String type, String name, String reason) implements Declaration {
    }
}
