package dev.mcpgateway.gateway.policy.engine;

/** Where a call comes in; each renders a refusal in its own form and some policies apply to one only. */
public enum Surface {
    /** A {@code tools/call} on an MCP server: refusals are tool results with {@code isError: true}. */
    MCP,
    /** A call on an OpenAI / Azure OpenAI route: refusals are the OpenAI error envelope. */
    LLM
}
