package dev.mcpgateway.gateway.mcp.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a POST body into JSON-RPC messages of the SDK's types, telling apart malformed JSON (-32700) from JSON that
 * breaks JSON-RPC's shape (-32600). The SDK's own deserializer guesses a type from whichever fields are present; the
 * gateway needs the precise error instead.
 */
public final class JsonRpcParser {

    private final ObjectMapper json;

    public JsonRpcParser(ObjectMapper json) {
        this.json = json;
    }

    public Incoming parse(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            return invalid(null, JsonRpcErrors.PARSE_ERROR, "Parse error: the body is not valid JSON");
        } catch (java.io.IOException e) {
            return invalid(null, JsonRpcErrors.PARSE_ERROR, "Parse error");
        }
        if (root == null || root.isMissingNode()) {
            return invalid(null, JsonRpcErrors.PARSE_ERROR, "Parse error: empty body");
        }
        if (root.isArray()) {
            if (root.isEmpty()) {
                return invalid(null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: empty batch");
            }
            List<Incoming> items = new ArrayList<>();
            root.forEach(node -> items.add(single(node)));
            return new Incoming.Batch(List.copyOf(items));
        }
        return single(root);
    }

    private Incoming single(JsonNode node) {
        if (!node.isObject()) {
            return invalid(null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: a JSON-RPC message is an object");
        }
        JsonNode idNode = node.get("id");
        Object id = validId(idNode) ? json.convertValue(idNode, Object.class) : null;
        if (!McpSchema.JSONRPC_VERSION.equals(node.path("jsonrpc").asText(null))) {
            return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
        }
        if (idNode != null && !validId(idNode)) {
            return invalid(null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: id must be a string or an integer");
        }
        JsonNode method = node.get("method");
        JsonNode params = node.get("params");
        if (params != null && !params.isObject() && !params.isNull()) {
            return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: params must be an object");
        }
        Object paramsValue = params == null || params.isNull() ? null : json.convertValue(params, Object.class);
        if (method != null) {
            if (!method.isTextual() || method.asText().isEmpty()) {
                return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: method must be a string");
            }
            return idNode == null
                    ? new Incoming.Single(new JSONRPCNotification(McpSchema.JSONRPC_VERSION, method.asText(), paramsValue))
                    : new Incoming.Single(new JSONRPCRequest(McpSchema.JSONRPC_VERSION, method.asText(), id, paramsValue));
        }
        if (idNode != null && (node.has("result") || node.has("error"))) {
            // Clients answer server requests (the gateway sends none); accept and drop.
            return new Incoming.Single(new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id,
                    json.convertValue(node.get("result"), Object.class), null));
        }
        return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: no method");
    }

    private static boolean validId(JsonNode id) {
        return id != null && (id.isTextual() || id.isIntegralNumber());
    }

    private static Incoming invalid(Object id, int code, String message) {
        return new Incoming.Invalid(JsonRpcErrors.error(id, code, message));
    }
}
