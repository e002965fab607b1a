package dev.mcpgateway.gateway.policy.engine;

import dev.mcpgateway.gateway.policy.expression.ContextValue;

/**
 * What a surface knows about one call, read by expressions and policies: who calls, on which API and operation,
 * with which headers. Null for what the surface does not know (no subscription on an MCP call, no MCP session on an
 * LLM call). Implementations read their request lazily: a chain that never reads a header costs nothing for it.
 */
public interface CallFacts {

    Surface surface();

    /** One of the fixed members of APIM's {@code context}, or null. */
    String value(ContextValue value);

    /** The request header's values joined with {@code ","}, or null when absent. */
    String header(String name);

    /** The query parameter's values joined with {@code ","}, or null when absent. */
    String queryParameter(String name);
}
