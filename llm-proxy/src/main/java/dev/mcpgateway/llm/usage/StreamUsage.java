package dev.mcpgateway.llm.usage;

/**
 * What a streamed call consumed.
 *
 * @param usage    the tokens to charge
 * @param reported true when the backend reported them (include_usage chunk or {@code response.completed});
 *                 false when counted by the fallback (estimated prompt + tokens of the deltas relayed)
 * @param complete true when the stream ended normally ({@code [DONE]}, or {@code response.completed} for
 *                 the Responses API); false for a cut stream, which must never be cached
 */
public record StreamUsage(Usage usage, boolean reported, boolean complete) {
}
