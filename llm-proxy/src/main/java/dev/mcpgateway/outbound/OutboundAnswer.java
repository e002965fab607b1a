package dev.mcpgateway.outbound;

import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * A backend's answer: status and headers, then either the whole body (possibly cut at the cap) or, for an event
 * stream the rules asked to relay, a live stream of the chunks as the connection reads them.
 *
 * @param headers   values by lower-case header name, in the order received
 * @param body      the bytes read, null for a stream
 * @param truncated whether the body was cut at the cap ({@link AnswerRules.OverCap#TRUNCATE})
 * @param stream    the live body, null unless it is a relayed event stream
 */
public record OutboundAnswer(int status, Map<String, List<String>> headers, byte[] body, boolean truncated,
                             Publisher<byte[]> stream) {

    public boolean isStream() {
        return stream != null;
    }
}
