package dev.mcpgateway.llm.state;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The standalone proxy's store: nothing outlives the process. A persistent {@link LlmStore} bean replaces it. */
@Singleton
@Secondary
public final class InMemoryLlmStore implements LlmStore {

    private final Map<LlmKind, Map<String, ObjectNode>> documents = new EnumMap<>(LlmKind.class);

    public InMemoryLlmStore() {
        for (LlmKind kind : LlmKind.values()) {
            documents.put(kind, new ConcurrentHashMap<>());
        }
    }

    @Override
    public Map<String, ObjectNode> load(LlmKind kind) {
        Map<String, ObjectNode> copy = new TreeMap<>();
        documents.get(kind).forEach((id, doc) -> copy.put(id, doc.deepCopy()));
        return copy;
    }

    @Override
    public void save(LlmKind kind, String id, ObjectNode document) {
        documents.get(kind).put(id, document.deepCopy());
    }

    @Override
    public void delete(LlmKind kind, String id) {
        documents.get(kind).remove(id);
    }
}
