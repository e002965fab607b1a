package dev.mcpgateway.gateway.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import java.util.List;

/**
 * What the gateway knows about one kind of resource: which properties it takes (checked once, when it is written,
 * with errors naming the field), which other resources it refers to, and which of its values are secret.
 */
public interface ResourceType {

    ResourceKind kind();

    /**
     * Checks a document and returns its normalised properties (references in short form, defaults that matter
     * filled in). Unknown properties are refused, naming them.
     *
     * @param current the other resources, for checks that need them (a pool's members, a subscription's scope)
     * @param before  the resource this one replaces, if any (a subscription keeps its keys when none are given)
     */
    ObjectNode normalise(String id, ObjectNode properties, ResourceSet current, Resource before)
            throws InvalidDefinitionException;

    /** The resources this one names: they must exist when it is written, and cannot be deleted while it does. */
    default List<ResourceRef> references(Resource resource) {
        return List.of();
    }

    /** JSON pointers of the values that are secret: sealed at rest, never shown by GET. */
    default List<String> secretPointers(Resource resource) {
        return List.of();
    }
}
