package dev.mcpgateway.llm.api;

/**
 * An LLM API as APIM defines one: the URL path it is served at, the style of its URLs, and who may call it.
 *
 * <p>An {@link Type#AZURE_OPENAI} API at path {@code openai} serves
 * {@code /openai/deployments/{deployment}/chat/completions} (also {@code completions}, {@code embeddings}) and
 * {@code /openai/responses} with the model in the body; at path {@code ""} it serves {@code /deployments/...}. An
 * {@link Type#OPENAI} API at path {@code v1} serves {@code /v1/chat/completions}, {@code /v1/completions},
 * {@code /v1/embeddings} and {@code /v1/responses}, with the model in the body.
 *
 * @param id                            the API's name (also the {@code api} dimension of token metrics)
 * @param path                          its URL path below the gateway's root, without leading or trailing slash;
 *                                      may have several segments ({@code aoai/east}) or none ({@code ""})
 * @param subscriptionRequired          whether callers must present a subscription key (or a gateway token)
 * @param subscriptionKeyParameterNames where callers put the key
 * @param backendId                     the backend or pool serving every deployment of this API; null: the
 *                                      {@link dev.mcpgateway.llm.route.RouteTable} decides by deployment or model
 */
public record LlmApi(String id, String path, Type type, boolean subscriptionRequired,
                     SubscriptionKeyNames subscriptionKeyParameterNames, String backendId) {

    public LlmApi {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an LLM API has an id");
        }
        path = normalized(path, id);
        if (type == null) {
            throw new IllegalArgumentException("LLM API '" + id + "': type is azure-openai or openai");
        }
        subscriptionKeyParameterNames = subscriptionKeyParameterNames == null
                ? SubscriptionKeyNames.DEFAULT : subscriptionKeyParameterNames;
        backendId = backendId == null || backendId.isBlank() ? null : backendId;
    }

    /** Without leading or trailing slashes; a path with an empty segment, a query or a fragment is refused. */
    private static String normalized(String path, String id) {
        String p = path == null ? "" : path.strip();
        int start = 0;
        int end = p.length();
        while (start < end && p.charAt(start) == '/') {
            start++;
        }
        while (end > start && p.charAt(end - 1) == '/') {
            end--;
        }
        p = p.substring(start, end);
        if (p.contains("//") || p.contains("?") || p.contains("#") || p.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("LLM API '" + id + "': path '" + path
                    + "' is not a URL path (segments separated by single slashes)");
        }
        return p;
    }

    /** How the API spells its URLs. */
    public enum Type {
        /** {@code {path}/deployments/{deployment}/{operation}}: the deployment in the path. */
        AZURE_OPENAI,
        /** {@code {path}/{operation}}: the model in the body. */
        OPENAI
    }
}
