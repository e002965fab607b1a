package dev.mcpgateway.llm.api;

import java.util.List;

/**
 * Where an API's callers put their subscription key (APIM's {@code subscriptionKeyParameterNames}): request headers
 * and query parameters, each tried in order. A bearer token is always tried too, since OpenAI clients can send their
 * key no other way.
 */
public record SubscriptionKeyNames(List<String> headers, List<String> queryParameters) {

    /** APIM's defaults. */
    public static final SubscriptionKeyNames DEFAULT = of("Ocp-Apim-Subscription-Key", "subscription-key");

    public SubscriptionKeyNames {
        headers = headers == null ? List.of() : List.copyOf(headers);
        queryParameters = queryParameters == null ? List.of() : List.copyOf(queryParameters);
    }

    /** Whether a request header of this name carries the key (so it must not go to a backend). */
    public boolean isKeyHeader(String name) {
        for (String header : headers) {
            if (header.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** APIM's shape: one header and one query parameter name; a null name leaves that place out. */
    public static SubscriptionKeyNames of(String header, String query) {
        return new SubscriptionKeyNames(header == null ? List.of() : List.of(header),
                query == null ? List.of() : List.of(query));
    }
}
