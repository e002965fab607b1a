package dev.mcpgateway.gateway.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import java.util.Set;

/**
 * The two shapes a resource travels in: our plain JSON (the properties themselves, plus {@code id} in answers) and
 * APIM's ARM resource body ({@code {"id", "type", "name", "properties": {...}}}). A request is answered in the shape it
 * was asked in; a read asks for ARM by carrying {@code api-version}, as every call of APIM's management API does.
 */
public enum BodyShape {
    PLAIN, ARM;

    private static final Set<String> ARM_MEMBERS = Set.of("id", "type", "name", "properties");

    /** The shape of a request body: ARM when it has an object {@code properties} and only ARM members beside it. */
    public static BodyShape of(JsonNode body) {
        if (body instanceof ObjectNode o && o.get("properties") instanceof ObjectNode) {
            for (var names = o.fieldNames(); names.hasNext(); ) {
                if (!ARM_MEMBERS.contains(names.next())) {
                    return PLAIN;
                }
            }
            return ARM;
        }
        return PLAIN;
    }

    /** The properties a request body carries, checked to be an object. */
    public ObjectNode properties(JsonNode body) throws InvalidDefinitionException {
        JsonNode properties = this == ARM ? body.get("properties") : body;
        if (!(properties instanceof ObjectNode o)) {
            throw new InvalidDefinitionException("body", "must be a JSON object (the resource's properties, or an ARM"
                    + " resource body with them under \"properties\")");
        }
        ObjectNode copy = o.deepCopy();
        if (this == PLAIN) {
            copy.remove("id"); // answers carry it: a body read back and sent again stays valid
        }
        return copy;
    }

    /** A resource in this shape, from the properties a caller may see. */
    public ObjectNode write(ResourceKind kind, String id, ObjectNode visible, ObjectMapper json) {
        if (this == PLAIN) {
            ObjectNode body = json.createObjectNode().put("id", id);
            body.setAll(visible);
            return body;
        }
        ObjectNode body = json.createObjectNode();
        body.put("id", kind.path(id));
        body.put("type", kind.armType());
        body.put("name", kind == ResourceKind.POLICIES ? "policy" : id.substring(id.lastIndexOf('/') + 1));
        body.set("properties", visible);
        return body;
    }
}
