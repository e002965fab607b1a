package dev.mcpgateway.llm.api;

import dev.mcpgateway.llm.config.LlmSettings;
import jakarta.inject.Singleton;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The LLM APIs the proxy serves, by path. Empty at start, filled and changed by whoever compiles the resource
 * definitions. While none is registered, two built-in APIs serve the proxy's classic surface: {@code azure-openai}
 * at {@code openai} (Azure OpenAI clients) and {@code openai} at {@code v1} (OpenAI clients), both taking the key in
 * {@code api-key}, {@code Ocp-Apim-Subscription-Key} or as a bearer token; once any API is registered, only the
 * registered ones serve.
 *
 * <p>Reads take no lock: writers publish a new immutable index. Matching a path costs one hash lookup per path
 * segment, no pattern matching.
 */
@Singleton
public class LlmApiRegistry {

    /** Where Azure OpenAI and OpenAI clients put their key, as the built-in APIs have always accepted it. */
    static final SubscriptionKeyNames BUILT_IN_KEYS =
            new SubscriptionKeyNames(List.of("api-key", "Ocp-Apim-Subscription-Key"), List.of());
    private static final String DEPLOYMENTS = "deployments/";

    private final Map<String, LlmApi> builtIns;
    private final Map<String, LlmApi> registered = new LinkedHashMap<>();
    private volatile Map<String, LlmApi> byPath;

    public LlmApiRegistry(LlmSettings settings) {
        boolean required = settings.isSubscriptionRequired();
        builtIns = index(List.of(
                new LlmApi("azure-openai", "openai", LlmApi.Type.AZURE_OPENAI, required, BUILT_IN_KEYS, null),
                new LlmApi("openai", "v1", LlmApi.Type.OPENAI, required, BUILT_IN_KEYS, null)));
        byPath = builtIns;
    }

    /** A registered API. */
    public synchronized Optional<LlmApi> get(String id) {
        return Optional.ofNullable(registered.get(id));
    }

    /** The registered APIs (not the built-ins). */
    public synchronized Collection<LlmApi> all() {
        return List.copyOf(registered.values());
    }

    /**
     * Adds or replaces the API with this id.
     *
     * @throws IllegalArgumentException when another API is at the same path
     */
    public synchronized void put(LlmApi api) {
        for (LlmApi other : registered.values()) {
            if (!other.id().equals(api.id()) && other.path().equals(api.path())) {
                throw new IllegalArgumentException("LLM API '" + api.id() + "': path '" + api.path()
                        + "' is already the path of API '" + other.id() + "'");
            }
        }
        registered.put(api.id(), api);
        publish();
    }

    /**
     * Replaces every registered API at once (a configuration change): a call sees the old set or the new one.
     *
     * @throws IllegalArgumentException when two APIs share a path; nothing changes then
     */
    public synchronized void replaceAll(Collection<LlmApi> apis) {
        Map<String, LlmApi> next = new LinkedHashMap<>();
        java.util.Set<String> paths = new java.util.HashSet<>();
        for (LlmApi api : apis) {
            if (!paths.add(api.path())) {
                throw new IllegalArgumentException("LLM API '" + api.id() + "': path '" + api.path()
                        + "' is used by another API");
            }
            next.put(api.id(), api);
        }
        registered.clear();
        registered.putAll(next);
        publish();
    }

    public synchronized boolean remove(String id) {
        boolean removed = registered.remove(id) != null;
        publish();
        return removed;
    }

    /**
     * What a request path (as sent, percent-encoded) means: the API with the longest path the request path starts with (whole segments), and
     * the operation and deployment below it. Empty when the path is under no API, or under an API at the root
     * without naming one of its operations.
     */
    public Optional<ApiMatch> match(String requestPath) {
        Map<String, LlmApi> apis = byPath;
        String path = requestPath.startsWith("/") ? requestPath.substring(1) : requestPath;
        int cut = path.length();
        while (true) {
            LlmApi api = apis.get(cut < 0 ? "" : path.substring(0, cut));
            if (api != null) {
                String rest = cut < 0 ? path : cut == path.length() ? "" : path.substring(cut + 1);
                ApiMatch match = below(api, rest);
                // at the root an API would be under every path of the application: there it claims only what it
                // serves (and, Azure style, what is below deployments/), so other routes keep their 404s and 405s
                boolean claimed = match.servesOperation() || !api.path().isEmpty()
                        || api.type() == LlmApi.Type.AZURE_OPENAI && rest.startsWith(DEPLOYMENTS);
                return claimed ? Optional.of(match) : Optional.empty();
            }
            if (cut <= 0) {
                return Optional.empty();
            }
            cut = path.lastIndexOf('/', cut - 1);
        }
    }

    /** {@code rest} is the path below the API's own. */
    private static ApiMatch below(LlmApi api, String rest) {
        if (api.type() == LlmApi.Type.OPENAI) {
            return new ApiMatch(api, Operation.ofPath(rest).orElse(null), null);
        }
        if (rest.startsWith(DEPLOYMENTS)) {
            int slash = rest.indexOf('/', DEPLOYMENTS.length());
            if (slash > DEPLOYMENTS.length()) {
                Operation operation = Operation.ofPath(rest.substring(slash + 1))
                        .filter(op -> op != Operation.RESPONSES).orElse(null);
                return new ApiMatch(api, operation,
                        operation == null ? null : decoded(rest.substring(DEPLOYMENTS.length(), slash)));
            }
        } else if (rest.equals(Operation.RESPONSES.path())) {
            return new ApiMatch(api, Operation.RESPONSES, null);
        }
        return new ApiMatch(api, null, null);
    }

    /** A path segment as written, percent-decoded ({@code +} is a plus in a path, not a space). */
    private static String decoded(String segment) {
        return segment.indexOf('%') < 0 ? segment
                : URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private void publish() {
        byPath = registered.isEmpty() ? builtIns : index(registered.values());
    }

    private static Map<String, LlmApi> index(Collection<LlmApi> apis) {
        Map<String, LlmApi> index = new HashMap<>();
        apis.forEach(api -> index.put(api.path(), api));
        return Map.copyOf(index);
    }
}
