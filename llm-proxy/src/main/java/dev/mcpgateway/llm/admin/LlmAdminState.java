package dev.mcpgateway.llm.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.state.LlmKind;
import dev.mcpgateway.llm.state.LlmStore;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the live LLM resources and the {@link LlmStore} in step. Layers, lowest first: {@code llm.*} properties,
 * gateway.yml's {@code llm:} section ({@link #declare}), then what {@code /admin} stored. Admin writes go to the
 * store; when another instance writes, the stored layer is re-applied here.
 */
@Context
@Bean(preDestroy = "close")
public class LlmAdminState implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LlmAdminState.class);

    private final LlmDocuments documents;
    private final LlmStore store;
    // which ids are in the store as far as this instance knows, so a reload can drop what another one deleted
    private final Map<LlmKind, Set<String>> fromStore = new EnumMap<>(LlmKind.class);
    private final AutoCloseable watch;

    public LlmAdminState(LlmDocuments documents, LlmStore store) {
        this.documents = documents;
        this.store = store;
        reload();
        this.watch = store.watch(this::reload);
    }

    /** gateway.yml's resources: applied under the stored ones; an invalid one fails naming {@code llm.<kind>.<id>}. */
    public synchronized void declare(Map<LlmKind, Map<String, ObjectNode>> declared, String origin) {
        for (LlmKind kind : LlmKind.values()) {
            for (Map.Entry<String, ObjectNode> e : declared.getOrDefault(kind, Map.of()).entrySet()) {
                String key = origin + ": llm." + kind.yamlKey() + "." + e.getKey();
                e.getValue().fieldNames().forEachRemaining(field -> {
                    if (!kind.fields().contains(field)) {
                        throw new IllegalArgumentException(key + "." + field + ": is not a known key (expected one of "
                                + kind.fields().stream().sorted().toList() + ")");
                    }
                });
                try {
                    documents.apply(kind, e.getKey(), e.getValue());
                } catch (RuntimeException ex) {
                    throw new IllegalArgumentException(key + ": "
                            + (ex.getMessage() == null ? "invalid value" : ex.getMessage()), ex);
                }
            }
        }
        reload();
    }

    /** Applies an admin change and stores it (with the routes its {@code models} added). */
    public synchronized void put(LlmKind kind, String id, ObjectNode spec) {
        List<String> models = storing(kind, id, () -> documents.apply(kind, id, spec));
        models.forEach(m -> storing(LlmKind.ROUTES, m, () -> m));
    }

    /** A change made in place (PATCH, key regeneration) and its storing, as one step no reload can split. */
    public synchronized void change(LlmKind kind, String id, Runnable change) {
        storing(kind, id, () -> {
            change.run();
            return null;
        });
    }

    public synchronized boolean remove(LlmKind kind, String id) {
        return storing(kind, id, () -> documents.remove(kind, id));
    }

    /**
     * Runs a change, then stores the resource's new state. If the store refuses, the live resource is put back as
     * it was, so this instance never serves what a restart or the other instances would not.
     */
    private <T> T storing(LlmKind kind, String id, Supplier<T> change) {
        Optional<ObjectNode> before = documents.stored(kind, id);
        T result = change.get();
        try {
            Optional<ObjectNode> after = documents.stored(kind, id);
            Set<String> stored = fromStore.computeIfAbsent(kind, k -> new HashSet<>());
            if (after.isPresent()) {
                store.save(kind, id, after.get());
                stored.add(id);
            } else if (before.isPresent()) {
                store.delete(kind, id);
                stored.remove(id);
            }
        } catch (IOException e) {
            if (before.isPresent()) {
                documents.apply(kind, id, before.get());
            } else {
                documents.remove(kind, id);
            }
            throw new UncheckedIOException("cannot store the change", e);
        }
        return result;
    }

    /** Re-applies the stored layer; a stored document that no longer applies is logged and skipped. */
    public synchronized void reload() {
        for (LlmKind kind : LlmKind.values()) {
            Map<String, ObjectNode> stored;
            try {
                stored = store.load(kind);
            } catch (IOException e) {
                LOG.error("cannot read stored LLM {}: {}", kind.collection(), e.getMessage());
                continue;
            }
            Set<String> previous = fromStore.computeIfAbsent(kind, k -> new HashSet<>());
            for (Iterator<String> ids = previous.iterator(); ids.hasNext(); ) {
                String id = ids.next();
                if (!stored.containsKey(id)) {
                    documents.remove(kind, id);
                    ids.remove();
                }
            }
            stored.forEach((id, doc) -> {
                try {
                    documents.apply(kind, id, doc);
                    previous.add(id);
                } catch (RuntimeException e) {
                    LOG.error("ignoring stored LLM {} '{}': {}", kind.collection(), id, e.getMessage());
                }
            });
        }
    }

    @Override
    public void close() throws Exception {
        watch.close();
    }

}
