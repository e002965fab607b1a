package dev.mcpgateway.gateway.mcp.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse;
import io.modelcontextprotocol.spec.McpSchema.JSONRPCResponse.JSONRPCError;

/** JSON-RPC error codes the gateway answers with, beyond the ones the SDK names. */
public final class JsonRpcErrors {

    public static final int PARSE_ERROR = McpSchema.ErrorCodes.PARSE_ERROR;
    public static final int INVALID_REQUEST = McpSchema.ErrorCodes.INVALID_REQUEST;
    public static final int METHOD_NOT_FOUND = McpSchema.ErrorCodes.METHOD_NOT_FOUND;
    public static final int INVALID_PARAMS = McpSchema.ErrorCodes.INVALID_PARAMS;
    public static final int INTERNAL_ERROR = McpSchema.ErrorCodes.INTERNAL_ERROR;
    /** 2026-07-28: an Mcp-* header disagrees with the body, or a required one is missing. */
    public static final int HEADER_MISMATCH = -32020;
    /** 2026-07-28: the request's protocol version is not one we serve. */
    public static final int UNSUPPORTED_PROTOCOL_VERSION = -32022;
    /** Implementation-defined server error used for transport-level refusals (session, origin, size). */
    public static final int SERVER_ERROR = -32000;

    private JsonRpcErrors() {
    }

    /** An error answering the request with that id (never null). */
    public static JSONRPCResponse response(Object id, int code, String message) {
        return response(id, code, message, null);
    }

    public static JSONRPCResponse response(Object id, int code, String message, Object data) {
        return new JSONRPCResponse(McpSchema.JSONRPC_VERSION, id, null, new JSONRPCError(code, message, data));
    }

    /** An error for a request that may not be identifiable: {@code "id": null} then, as JSON-RPC prescribes. */
    public static Object error(Object id, int code, String message) {
        return error(id, code, message, null);
    }

    /** The same, with the error's {@code data}. */
    public static Object error(Object id, int code, String message, Object data) {
        return id == null ? new UnidentifiedError(McpSchema.JSONRPC_VERSION, null, new JSONRPCError(code, message, data))
                : response(id, code, message, data);
    }

    /**
     * An error response without id. The SDK's {@link JSONRPCResponse} refuses a null id, but JSON-RPC needs one for
     * unparseable requests and transport refusals.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record UnidentifiedError(String jsonrpc, Object id, JSONRPCError error) {
    }
}
