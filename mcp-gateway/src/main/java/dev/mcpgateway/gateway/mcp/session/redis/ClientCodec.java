package dev.mcpgateway.gateway.mcp.session.redis;

import dev.mcpgateway.gateway.mcp.session.SessionClient;
import io.modelcontextprotocol.json.McpJsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A session's client description as JSON in its Redis hash, with the SDK's own mapper (its wire form). */
final class ClientCodec {

    private final McpJsonMapper mapper;

    ClientCodec(McpJsonMapper mapper) {
        this.mapper = mapper;
    }

    String write(SessionClient client) {
        try {
            return mapper.writeValueAsString(client);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    SessionClient read(String json) {
        try {
            return mapper.readValue(json, SessionClient.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
