package dev.mcpgateway.openapi.parse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.openapi.LocalFiles;
import dev.mcpgateway.openapi.SpecSourceRefusedException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks the spec's local document graph (the root and the files its relative refs reach) and disarms every
 * reference that would need the network: the referencing object is replaced by a described stub, so the parser
 * never sees it. Iterative and bounded in the number of documents. A file reference must pass the {@link LocalFiles}
 * rule before it is read; under a confined rule a reference that names no readable file (an unknown scheme, or a
 * relative one in a spec that has no location) is disarmed too, so the parser never looks for it on its own.
 */
final class RefScan {

    static final int MAX_DOCUMENTS = 1_000;

    /** Local documents by absolute path (root first), and the remote refs that were disarmed. */
    record Result(Map<Path, JsonNode> localDocuments, List<String> blocked, List<String> problems) {
    }

    private RefScan() {
    }

    static Result scan(JsonNode root, URI base, Path rootPath, LocalFiles files) {
        Map<Path, JsonNode> documents = new LinkedHashMap<>();
        List<String> blocked = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Deque<Map.Entry<URI, JsonNode>> todo = new ArrayDeque<>();
        if (rootPath != null) {
            documents.put(rootPath, root);
        }
        todo.add(Map.entry(base == null ? URI.create("") : base, root));
        while (!todo.isEmpty()) {
            var current = todo.poll();
            for (ObjectNode holder : refHolders(current.getValue())) {
                String ref = holder.get("$ref").asText();
                int hash = ref.indexOf('#');
                String file = hash < 0 ? ref : ref.substring(0, hash);
                if (file.isEmpty()) {
                    continue;
                }
                URI target;
                try {
                    target = current.getKey().resolve(new URI(null, null, file, null).toString());
                    if (file.matches("(?i)^[a-z][a-z0-9+.-]*:.*")) {
                        target = URI.create(file);
                    }
                } catch (Exception e) {
                    problems.add("unreadable reference " + ref);
                    continue;
                }
                String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.equals("http") || scheme.equals("https")) {
                    blocked.add(ref);
                    disarm(holder, ref, "remote references are disabled");
                } else if (scheme.equals("file")) {
                    Path path;
                    try {
                        path = files.permit(Path.of(target));
                    } catch (SpecSourceRefusedException e) {
                        problems.add("local reference " + ref + " not read: " + e.getMessage());
                        disarm(holder, ref, e.getMessage());
                        continue;
                    }
                    if (documents.containsKey(path) || documents.size() >= MAX_DOCUMENTS) {
                        continue;
                    }
                    try {
                        JsonNode document = Trees.parse(Files.readString(path));
                        documents.put(path, document);
                        todo.add(Map.entry(path.toUri(), document));
                    } catch (IOException e) {
                        problems.add("cannot read referenced file " + file);
                    }
                } else if (!files.unconfined()) {
                    problems.add("reference " + ref + " not resolved: it names no file the spec may reach");
                    disarm(holder, ref, "it names no file the spec may reach");
                }
            }
        }
        return new Result(documents, blocked, problems);
    }

    private static void disarm(ObjectNode holder, String ref, String why) {
        holder.removeAll();
        holder.put("description", "Unresolved reference " + ref + ": " + why + ".");
    }

    private static List<ObjectNode> refHolders(JsonNode root) {
        List<ObjectNode> holders = new ArrayList<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(root);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isObject() && node.path("$ref").isTextual()) {
                holders.add((ObjectNode) node);
            }
            if (node.isContainerNode()) {
                node.forEach(todo::push);
            }
        }
        return holders;
    }
}
