package dev.mcpgateway.gateway.resource;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpgateway.auth.store.seal.Sealer;
import dev.mcpgateway.auth.store.seal.WrongStoreKeyException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.gateway.store.ConfigStore;
import java.io.IOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Resources changed through {@code /admin}, in the gateway's one config store: one document per resource under
 * {@code resources/<collection>} (files under the data directory, or Redis shared and announced to every instance).
 * Secret values (subscription keys, secret named values, credential values) are sealed under the store key, as the
 * authorization server's secrets are; a document that does not open with this instance's key is logged and skipped.
 */
public final class ResourceStore {

    private static final Logger LOG = LoggerFactory.getLogger(ResourceStore.class);
    private static final String PREFIX = "resources/";

    private final ConfigStore store;
    private final Sealer sealer;
    private final Map<ResourceKind, ResourceType> types = new EnumMap<>(ResourceKind.class);

    /** @param types which values of each kind are secret */
    public ResourceStore(ConfigStore store, Sealer sealer, List<ResourceType> types) {
        this.store = store;
        this.sealer = sealer;
        types.forEach(t -> this.types.put(t.kind(), t));
    }

    /** Every stored resource's properties, by kind and id. */
    public Map<ResourceKind, Map<String, ObjectNode>> load() throws IOException {
        Map<ResourceKind, Map<String, ObjectNode>> stored = new EnumMap<>(ResourceKind.class);
        for (ResourceKind kind : ResourceKind.values()) {
            Map<String, ObjectNode> documents = new TreeMap<>();
            for (Map.Entry<String, JsonNode> e : store.loadDocuments(PREFIX + kind.collection()).entrySet()) {
                if (e.getValue().get("properties") instanceof ObjectNode properties) {
                    try {
                        documents.put(e.getKey(), (ObjectNode) unsealed(properties, namespace(kind)));
                    } catch (WrongStoreKeyException ex) {
                        LOG.error("stored {} '{}' holds secrets sealed under another store key; it is left out",
                                kind.noun(), e.getKey());
                    }
                }
            }
            stored.put(kind, documents);
        }
        return stored;
    }

    public void save(Resource resource) throws IOException {
        ObjectNode document = resource.properties().objectNode();
        ObjectNode properties = resource.copyOfProperties();
        for (String pointer : types.get(resource.kind()).secretPointers(resource)) {
            JsonPointer path = JsonPointer.compile(pointer);
            if (properties.at(path.head()) instanceof ObjectNode parent
                    && parent.get(path.last().getMatchingProperty()) instanceof TextNode clear) {
                parent.put(path.last().getMatchingProperty(), sealer.seal(namespace(resource.kind()),
                        clear.asText()));
            } else if (properties.at(path.head()) instanceof ArrayNode list) {
                int index = path.last().getMatchingIndex();
                list.set(index, sealer.seal(namespace(resource.kind()), list.get(index).asText()));
            }
        }
        document.set("properties", properties);
        store.saveDocument(PREFIX + resource.kind().collection(), resource.id(), document);
    }

    public void delete(ResourceKind kind, String id) throws IOException {
        store.deleteDocument(PREFIX + kind.collection(), id);
    }

    /**
     * A secret of a resource that was declared without it, derived from the store key: the same on every start and
     * on every instance sharing the key, so nothing needs storing.
     */
    public String derivedSecret(ResourceKind kind, String id, String field) {
        return sealer.derive(namespace(kind), id + "." + field);
    }

    private static String namespace(ResourceKind kind) {
        return PREFIX + kind.collection();
    }

    /** The document with every sealed string opened. */
    private JsonNode unsealed(JsonNode node, String namespace) {
        if (node.isTextual() && Sealer.isSealed(node.asText())) {
            return TextNode.valueOf(sealer.unseal(namespace, node.asText()));
        }
        if (node instanceof ObjectNode o) {
            ObjectNode copy = o.objectNode();
            o.properties().forEach(e -> copy.set(e.getKey(), unsealed(e.getValue(), namespace)));
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = a.arrayNode();
            a.forEach(item -> copy.add(unsealed(item, namespace)));
            return copy;
        }
        return node;
    }

    public AutoCloseable watch(Runnable onExternalChange) {
        return store.watch(onExternalChange);
    }
}
