package dev.mcpgateway.gateway.mcp.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCNotification;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCRequest;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a POST body into JSON-RPC messages of the SDK's types, telling apart malformed JSON (-32700) from JSON that
 * breaks JSON-RPC's shape (-32600). The SDK's own deserializer guesses a type from whichever fields are present; the
 * gateway needs the precise error instead. The body is parsed once, straight into plain Java values (maps, lists,
 * strings, numbers): the params handed on are those values, with no tree and no second conversion in between.
 */
public final class JsonRpcParser {

    private final ObjectMapper json;

    public JsonRpcParser(ObjectMapper json) {
        this.json = json;
    }

    public Incoming parse(byte[] body) {
        if (isBlank(body)) {
            return invalid(null, JsonRpcErrors.PARSE_ERROR, "Parse error: empty body");
        }
        Object root;
        try {
            root = json.readValue(body, Object.class);
        } catch (JsonProcessingException e) {
            return invalid(null, JsonRpcErrors.PARSE_ERROR, "Parse error: the body is not valid JSON");
        } catch (java.io.IOException e) {
            return invalid(null, JsonRpcErrors.PARSE_ERROR, "Parse error");
        }
        if (root instanceof List<?> array) {
            if (array.isEmpty()) {
                return invalid(null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: empty batch");
            }
            List<Incoming> items = new ArrayList<>(array.size());
            array.forEach(node -> items.add(single(node)));
            return new Incoming.Batch(List.copyOf(items));
        }
        return single(root);
    }

    private Incoming single(Object node) {
        if (!(node instanceof Map<?, ?> message)) {
            return invalid(null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: a JSON-RPC message is an object");
        }
        Object idValue = message.get("id");
        boolean hasId = message.containsKey("id");
        Object id = validId(idValue) ? idValue : null;
        if (!McpSchema.JSONRPC_VERSION.equals(scalarText(message.get("jsonrpc")))) {
            return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: jsonrpc must be \"2.0\"");
        }
        if (hasId && !validId(idValue)) {
            return invalid(null, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: id must be a string or an integer");
        }
        Object method = message.get("method");
        Object params = message.get("params");
        if (params != null && !(params instanceof Map)) {
            return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: params must be an object");
        }
        if (method != null) {
            if (!(method instanceof String name) || name.isEmpty()) {
                return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: method must be a string");
            }
            return !hasId
                    ? new Incoming.Single(new JSONRPCNotification(McpSchema.JSONRPC_VERSION, name, params))
                    : new Incoming.Single(new JSONRPCRequest(McpSchema.JSONRPC_VERSION, name, id, params));
        }
        if (hasId && (message.containsKey("result") || message.containsKey("error"))) {
            // Clients answer server requests (the gateway sends none); accept and drop.
            return new Incoming.Single(new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, message.get("result"), null));
        }
        return invalid(id, JsonRpcErrors.INVALID_REQUEST, "Invalid Request: no method");
    }

    /** A string or an integer; JSON null is no id. */
    private static boolean validId(Object id) {
        return id instanceof String || id instanceof Integer || id instanceof Long || id instanceof BigInteger;
    }

    /** The text of a scalar as JSON wrote it (so a number 2.0 reads "2.0", as before); null for objects and arrays. */
    private static String scalarText(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean ? value.toString() : null;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static Incoming invalid(Object id, int code, String message) {
        return new Incoming.Invalid(JsonRpcErrors.error(id, code, message));
    }
}
