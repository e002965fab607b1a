package dev.mcpgateway.llm.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The dimensions of APIM's {@code llm-emit-token-metric}, one value per call. Null values are recorded as
 * {@code none} so every series of a metric has the same label set (Prometheus requires it).
 *
 * @param api          the API (route) called
 * @param operation    the operation, e.g. {@code chat.completions}, {@code embeddings}, {@code responses}
 * @param model        the model or deployment requested
 * @param product      the caller's product
 * @param subscription the caller's subscription id
 * @param user         the end user (JWT subject or a header), if known
 * @param backend      the backend that served the call
 * @param clientIp     the caller's IP address
 * @param custom       values of the custom dimensions policies gave, by label name
 */
public record TokenMetricDimensions(String api, String operation, String model, String product,
                                    String subscription, String user, String backend, String clientIp,
                                    Map<String, String> custom) {

    public TokenMetricDimensions {
        custom = Map.copyOf(Objects.requireNonNullElse(custom, Map.of()));
    }

    /** The same dimensions with the backend filled in, once the pool has chosen one. */
    public TokenMetricDimensions withBackend(String backendId) {
        return new TokenMetricDimensions(api, operation, model, product, subscription, user, backendId, clientIp,
                custom);
    }

    /** The same dimensions with these labels set: a built-in label takes the value, any other is a custom one. */
    public TokenMetricDimensions with(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return this;
        }
        String[] builtIn = {api, operation, model, product, subscription, user, backend, clientIp};
        Map<String, String> more = new HashMap<>(custom);
        labels.forEach((label, value) -> {
            int at = switch (label) {
                case "api" -> 0;
                case "operation" -> 1;
                case "gen_ai_request_model" -> 2;
                case "product" -> 3;
                case "subscription" -> 4;
                case "user" -> 5;
                case "backend" -> 6;
                case "client_ip" -> 7;
                default -> -1;
            };
            if (at >= 0) {
                builtIn[at] = value;
            } else if (value != null) {
                more.put(label, value);
            }
        });
        return new TokenMetricDimensions(builtIn[0], builtIn[1], builtIn[2], builtIn[3], builtIn[4], builtIn[5],
                builtIn[6], builtIn[7], more);
    }
}
