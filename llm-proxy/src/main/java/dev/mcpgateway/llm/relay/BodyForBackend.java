package dev.mcpgateway.llm.relay;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.llm.backend.Backend;
import dev.mcpgateway.llm.backend.BackendType;
import dev.mcpgateway.llm.route.ProxyRequest;
import java.io.IOException;

/**
 * The body a backend receives. Normally the caller's bytes untouched; rewritten only when an OpenAI-compatible backend
 * needs a {@code model} the caller did not send (Azure-style call) or the backend maps the name to its own.
 */
final class BodyForBackend {

    private static final ObjectMapper JSON = new ObjectMapper();

    private BodyForBackend() {
    }

    static byte[] of(Backend backend, ProxyRequest request) {
        byte[] bytes = request.body().bytes();
        if (backend.type() != BackendType.OPENAI) {
            return bytes;
        }
        String wanted = backend.deployment() != null ? backend.deployment() : request.deployment();
        if (wanted == null || wanted.equals(request.body().model())) {
            return bytes;
        }
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(bytes);
            node.put("model", wanted);
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            // already proven JSON by RequestBody.parse
            throw new IllegalStateException(e);
        }
    }
}
