package dev.mcpgateway.gateway.policy.expression;

/**
 * What an expression can read about the call in flight: APIM's {@code context}, reduced to the members the expression
 * subset reaches. Every method answers null for a value the surface does not know (no subscription, no MCP session,
 * an absent header); expressions turn that null into the C# result, they never throw for it.
 */
public interface PolicyContext {

    /** One of the fixed string members ({@code context.Subscription.Id}, {@code context.Mcp.ToolName}, ...). */
    String value(ContextValue value);

    /** The request header's values joined with {@code ","} as APIM does, or null when the header is absent. */
    String header(String name);

    /** The query parameter's values joined with {@code ","}, or null when absent. */
    String queryParameter(String name);

    /** A variable set by an earlier policy (String, Integer or Long, Boolean), or null when it is not set. */
    Object variable(String name);

    /** {@code context.Response.StatusCode}: the backend's (or a returned) status, or null before there is one. */
    Integer responseStatusCode();
}
