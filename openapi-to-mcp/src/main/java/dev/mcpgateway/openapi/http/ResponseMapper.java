package dev.mcpgateway.openapi.http;

import io.modelcontextprotocol.spec.McpSchema;

final class ResponseMapper {
    private ResponseMapper() {
    }

    static McpSchema.CallToolResult map(HttpResponseData response, ResponseBinding binding) {
        throw new UnsupportedOperationException("in progress");
    }
}
