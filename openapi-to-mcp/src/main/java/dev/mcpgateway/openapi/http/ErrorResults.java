package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.util.List;
import java.util.Map;

/**
 * Failing and redirecting responses become {@code isError: true} results the model can act on: the status, what
 * the API said (problem+json title/detail, else a bounded excerpt), and a retry hint for 429/503.
 */
final class ErrorResults {

    private ErrorResults() {
    }

    static CallToolResult map(int status, HttpResponseData response, String contentType, byte[] body,
                              ResponseBinding binding) {
        StringBuilder text = new StringBuilder(ReasonPhrases.statusLine(status));
        if (status < 400) {
            text.append(": the API redirected");
            response.firstHeader("Location").ifPresent(location -> text.append(" to ").append(excerpt(location, 500)));
            text.append(". Redirects are not followed; call the target operation instead.");
        }
        String essence = ResponseMapper.essence(contentType);
        JsonNode json = MediaKind.of(essence) == MediaKind.JSON ? ResponseMapper.parse(body) : null;
        if (json != null && json.isObject() && (json.hasNonNull("title") || json.hasNonNull("detail"))) {
            appendField(text, json, "title", binding);
            appendField(text, json, "detail", binding);
        }
        if (status == 429 || status == 503) {
            response.firstHeader("Retry-After").ifPresent(retry -> text.append("\nRetry after ")
                    .append(retryHint(retry.trim())).append('.'));
        }
        if (body.length > 0 && (json != null || ResponseMapper.isText(essence) || essence.isEmpty())) {
            String raw = json != null ? JsonValues.json(json) : ResponseMapper.text(body, contentType);
            text.append("\nResponse body: ").append(excerpt(raw, binding.maxErrorExcerpt()));
        } else if (body.length > 0) {
            text.append("\nResponse body: ").append(body.length).append(" bytes of ").append(essence);
        }
        Map<String, Object> meta = response.truncated() ? Map.of(ResponseMapper.TRUNCATED_META, true) : null;
        return new CallToolResult(List.of(new TextContent(text.toString())), true, null, meta);
    }

    private static void appendField(StringBuilder text, JsonNode json, String field, ResponseBinding binding) {
        JsonNode value = json.get(field);
        if (value != null && value.isTextual() && !value.textValue().isBlank()) {
            text.append(field.equals("title") ? ": " : "\nDetail: ")
                    .append(excerpt(value.textValue(), binding.maxErrorExcerpt()));
        }
    }

    /** Retry-After is delta-seconds or an HTTP date; both are passed on in words the model can use. */
    private static String retryHint(String value) {
        if (value.chars().allMatch(Character::isDigit) && !value.isEmpty()) {
            return value + (value.equals("1") ? " second" : " seconds");
        }
        return excerpt(value, 64);
    }

    static String excerpt(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isLowSurrogate(text.charAt(max)) ? max - 1 : max;
        return text.substring(0, end) + "... [" + (text.length() - end) + " more characters]";
    }
}
