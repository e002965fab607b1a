package dev.mcpgateway.gateway.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.store.ConfigStore;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resources changed through {@code /admin}, in the gateway's one config store: one document per resource under
 * {@code resources/<collection>} (files under the data directory, or Redis shared and announced to every instance).
 */
public final class ResourceStore {

    private static final String PREFIX = "resources/";

    private final ConfigStore store;

    public ResourceStore(ConfigStore store) {
        this.store = store;
    }

    /** Every stored resource's properties, by kind and id. */
    public Map<ResourceKind, Map<String, ObjectNode>> load() throws IOException {
        Map<ResourceKind, Map<String, ObjectNode>> stored = new EnumMap<>(ResourceKind.class);
        for (ResourceKind kind : ResourceKind.values()) {
            Map<String, ObjectNode> documents = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : store.loadDocuments(PREFIX + kind.collection()).entrySet()) {
                if (e.getValue().get("properties") instanceof ObjectNode properties) {
                    documents.put(e.getKey(), properties);
                }
            }
            stored.put(kind, documents);
        }
        return stored;
    }

    public void save(Resource resource) throws IOException {
        ObjectNode document = resource.properties().objectNode();
        document.set("properties", resource.copyOfProperties());
        store.saveDocument(PREFIX + resource.kind().collection(), resource.id(), document);
    }

    public void delete(ResourceKind kind, String id) throws IOException {
        store.deleteDocument(PREFIX + kind.collection(), id);
    }

    public AutoCloseable watch(Runnable onExternalChange) {
        return store.watch(onExternalChange);
    }
}
