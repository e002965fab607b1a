package dev.mcpgateway.gateway.resource.arm;

import com.fasterxml.jackson.databind.JsonNode;

/** Turns a declared value into the value to import: templates evaluate expressions, list exports hold plain values. */
interface ValueResolver {

    /** Values exported from a running service hold no expressions; a leading '[' is just a character there. */
    ValueResolver LITERAL = (value, field) -> value.deepCopy();

    /**
     * @param field where the value sits, e.g. {@code properties}, named in the reason when it cannot be resolved
     * @return a new node; {@code value} is left as it was
     */
    JsonNode resolve(JsonNode value, String field) throws UnresolvableException;
}
