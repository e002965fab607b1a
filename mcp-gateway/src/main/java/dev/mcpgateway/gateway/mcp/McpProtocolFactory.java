package dev.mcpgateway.gateway.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpgateway.gateway.mcp.protocol.JsonRpcParser;
import dev.mcpgateway.gateway.mcp.protocol.McpDispatcher;
import dev.mcpgateway.gateway.mcp.protocol.MessageWriter;
import dev.mcpgateway.gateway.mcp.protocol.ToolFilter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.context.annotation.Factory;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import jakarta.inject.Singleton;

/** The protocol layer's plain-Java pieces, wired once from configuration. */
@Factory
public class McpProtocolFactory {

    // A private mapper: the SDK's records carry their own Jackson annotations; the application's mapper settings
    // (naming strategies, inclusion rules) must not change the MCP wire format. Its buffers come from a shared pool:
    // MCP requests run on virtual threads, where Jackson's default per-thread pool keeps nothing, so every message
    // read and written allocated fresh buffers (the top allocation site in the benchmark's profile).
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Singleton
    McpJsonMapper mcpJsonMapper() {
        return new JacksonMcpJsonMapper(json);
    }

    @Singleton
    JsonRpcParser jsonRpcParser() {
        return new JsonRpcParser(json);
    }

    @Singleton
    McpDispatcher mcpDispatcher(McpJsonMapper mapper, McpSettings settings, @Nullable ToolFilter filter) {
        return new McpDispatcher(mapper, settings.getPageSize(), filter);
    }

    @Singleton
    MessageWriter messageWriter(McpJsonMapper mapper, McpSettings settings) {
        return new MessageWriter(mapper, settings.getMaxEventBytes());
    }
}
