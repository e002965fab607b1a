package dev.mcpgateway.outbound;

import java.time.Duration;

/**
 * How one exchange's answer is read.
 *
 * @param timeout          for the whole exchange, connect to last body byte; for a relayed event stream, the longest
 *                         silence allowed once the headers arrived
 * @param maxResponseBytes the most body bytes held
 * @param overCap          what a longer body earns
 * @param eventStreams     whether a {@code text/event-stream} answer is handed over live as a
 *                         {@link OutboundAnswer#stream()} (else it is read whole like any other body)
 */
public record AnswerRules(Duration timeout, int maxResponseBytes, OverCap overCap, boolean eventStreams) {

    /** What happens to a body longer than the cap. */
    public enum OverCap {
        /** the exchange fails with {@code too_large}: a partial answer is worthless (the LLM relay) */
        FAIL,
        /** the first {@code maxResponseBytes} are the answer, flagged truncated (tool calls show what arrived) */
        TRUNCATE
    }
}
