package dev.mcpgateway.gateway.policy.headers;

import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * Where an {@link Assignment} writes: the backend request's headers or query, the caller's response, a response a
 * policy returns.
 *
 * @param reader the current value by name, values joined with {@code ","}; null when absent
 * @param writer sets the values of a name; an empty list removes it
 */
public record ValueTarget(UnaryOperator<String> reader, BiConsumer<String, List<String>> writer) {

    public static ValueTarget requestHeaders(PolicyCall call) {
        return new ValueTarget(call::header, call::setRequestHeader);
    }

    public static ValueTarget requestQuery(PolicyCall call) {
        return new ValueTarget(call::queryParameter, call::setRequestQueryParameter);
    }

    public static ValueTarget responseHeaders(PolicyCall call) {
        return new ValueTarget(call::responseHeader, call::setResponseHeader);
    }

    /** A response being built; the map must look names up as the response will ({@code CASE_INSENSITIVE_ORDER}). */
    public static ValueTarget of(Map<String, List<String>> values) {
        return new ValueTarget(name -> {
            List<String> current = values.get(name);
            return current == null ? null : String.join(",", current);
        }, (name, next) -> {
            if (next.isEmpty()) {
                values.remove(name);
            } else {
                values.put(name, List.copyOf(next));
            }
        });
    }
}
