package dev.mcpgateway.llm.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An error as OpenAI clients expect it: {@code {"error":{"message","type","param","code"}}} with its HTTP status.
 * Messages are written for the caller; internal exception text never goes in one.
 */
public record OpenAiError(int status, String message, String type, String param, String code) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public OpenAiError {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 4xx or 5xx, not " + status);
        }
        if (message == null || type == null) {
            throw new IllegalArgumentException("message and type are required");
        }
    }

    public static OpenAiError invalidRequest(String message, String param, String code) {
        return new OpenAiError(400, message, "invalid_request_error", param, code);
    }

    public static OpenAiError notFound(String message, String code) {
        return new OpenAiError(404, message, "invalid_request_error", null, code);
    }

    public static OpenAiError unauthorized(String message) {
        return new OpenAiError(401, message, "invalid_request_error", null, "invalid_api_key");
    }

    public static OpenAiError forbidden(String message, String code) {
        return new OpenAiError(403, message, "invalid_request_error", null, code);
    }

    public static OpenAiError badGateway(String message) {
        return new OpenAiError(502, message, "api_error", null, "bad_gateway");
    }

    public static OpenAiError unavailable(String message) {
        return new OpenAiError(503, message, "api_error", null, "no_backend_available");
    }

    public static OpenAiError timeout(String message) {
        return new OpenAiError(504, message, "api_error", null, "gateway_timeout");
    }

    /** The envelope as UTF-8 JSON bytes. */
    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("an ObjectNode always serialises", e);
        }
    }
}
