package dev.mcpgateway.llm.metrics;

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
 * @param custom       values of the configured custom dimensions (at most 5), by dimension name
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
}
