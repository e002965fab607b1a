package dev.mcpgateway.gateway.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.state.LlmKind;
import dev.mcpgateway.llm.state.LlmStore;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The LLM proxy's admin state kept in the gateway's own {@link ConfigStore}: {@code llm/<collection>/<id>.json}
 * under the data directory (owner-only, atomic writes), or one Redis hash per collection whose writes are announced
 * to every instance. Replaces the proxy's in-memory store in the distribution.
 */
@Singleton
public final class LlmConfigStore implements LlmStore {

    private final ConfigStore store;

    public LlmConfigStore(ConfigStore store) {
        this.store = store;
    }

    @Override
    public Map<String, ObjectNode> load(LlmKind kind) throws IOException {
        Map<String, ObjectNode> documents = new TreeMap<>();
        for (Map.Entry<String, JsonNode> e : store.loadDocuments(collection(kind)).entrySet()) {
            if (e.getValue() instanceof ObjectNode o) {
                documents.put(e.getKey(), o);
            }
        }
        return documents;
    }

    @Override
    public void save(LlmKind kind, String id, ObjectNode document) throws IOException {
        store.saveDocument(collection(kind), id, document);
    }

    @Override
    public void delete(LlmKind kind, String id) throws IOException {
        store.deleteDocument(collection(kind), id);
    }

    @Override
    public AutoCloseable watch(Runnable onExternalChange) {
        return store.watch(onExternalChange);
    }

    private static String collection(LlmKind kind) {
        return "llm/" + kind.collection();
    }
}
