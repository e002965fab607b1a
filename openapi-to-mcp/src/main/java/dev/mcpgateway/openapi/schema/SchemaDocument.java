package dev.mcpgateway.openapi.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole spec as JSON, for resolving local {@code $ref}s, plus the set of component schemas that reach
 * themselves through references (computed once, without recursion, so a deep graph cannot overflow the stack).
 */
public final class SchemaDocument {

    private static final String SCHEMAS = "#/components/schemas/";

    private final JsonNode root;
    private final Set<String> recursive;

    public SchemaDocument(JsonNode root) {
        this.root = root;
        this.recursive = findRecursive(root.path("components").path("schemas"));
    }

    /** The node a local ref points at, or null when the ref is not local or points nowhere. */
    public JsonNode resolve(String ref) {
        if (ref == null || !ref.startsWith("#")) {
            return null;
        }
        JsonNode node = root.at(ref.substring(1));
        return node.isMissingNode() ? null : node;
    }

    /** Whether the component schema this ref names is part of a reference cycle. */
    public boolean isRecursive(String ref) {
        return recursive.contains(ref);
    }

    public JsonNode root() {
        return root;
    }

    /** Tarjan's strongly connected components, iteratively; a component is recursive when in a cycle. */
    private static Set<String> findRecursive(JsonNode schemas) {
        Map<String, List<String>> edges = new LinkedHashMap<>();
        schemas.properties().forEach(e -> edges.put(SCHEMAS + e.getKey(), refsIn(e.getValue())));
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        Set<String> result = new HashSet<>();
        int[] counter = {0};
        for (String start : edges.keySet()) {
            if (index.containsKey(start)) {
                continue;
            }
            Deque<Map.Entry<String, Iterator<String>>> work = new ArrayDeque<>();
            visit(start, index, low, stack, onStack, counter);
            work.push(Map.entry(start, edges.get(start).iterator()));
            while (!work.isEmpty()) {
                var frame = work.peek();
                String v = frame.getKey();
                if (frame.getValue().hasNext()) {
                    String w = frame.getValue().next();
                    if (!edges.containsKey(w)) {
                        continue;
                    }
                    if (w.equals(v)) {
                        result.add(v);
                    }
                    if (!index.containsKey(w)) {
                        visit(w, index, low, stack, onStack, counter);
                        work.push(Map.entry(w, edges.get(w).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().getKey();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1) {
                        result.addAll(component);
                    }
                }
            }
        }
        return Set.copyOf(result);
    }

    private static void visit(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                              Set<String> onStack, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
    }

    /** Component-schema refs anywhere inside a schema (deeper pointers count as a ref to their component). */
    private static List<String> refsIn(JsonNode schema) {
        List<String> refs = new ArrayList<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(schema);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMAS)) {
                    String rest = ref.asText().substring(SCHEMAS.length());
                    int slash = rest.indexOf('/');
                    refs.add(SCHEMAS + (slash < 0 ? rest : rest.substring(0, slash)));
                }
                node.forEach(todo::push);
            } else if (node.isArray()) {
                node.forEach(todo::push);
            }
        }
        return refs;
    }
}
