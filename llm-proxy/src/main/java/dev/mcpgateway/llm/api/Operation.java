package dev.mcpgateway.llm.api;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The model operations the proxy serves, with their path below an OpenAI API or an Azure OpenAI deployment and the
 * operation id APIM's Azure OpenAI import gives them (the operation scope of their policies, so documents written for
 * APIM's operations apply here as written).
 */
public enum Operation {
    CHAT_COMPLETIONS("chat/completions", "ChatCompletions_Create"),
    COMPLETIONS("completions", "Completions_Create"),
    EMBEDDINGS("embeddings", "embeddings_create"),
    RESPONSES("responses", "createResponse");

    private static final Map<String, Operation> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Operation::path, Function.identity()));

    private final String path;
    private final String id;

    Operation(String path, String id) {
        this.path = path;
        this.id = id;
    }

    /** APIM's operation id. */
    public String id() {
        return id;
    }

    /** Every operation id, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Operation::id).toList();
    }

    public String path() {
        return path;
    }

    /** The {@code operation} label of the token metrics: the path with dots ({@code chat.completions}). */
    public String metricLabel() {
        return path.replace('/', '.');
    }


    /** The operation whose path this is exactly ({@code chat/completions}), if any. */
    public static Optional<Operation> ofPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }
}
