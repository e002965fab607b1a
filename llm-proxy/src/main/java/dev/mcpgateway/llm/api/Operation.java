package dev.mcpgateway.llm.api;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The model operations the proxy serves, with their path below an OpenAI API or an Azure OpenAI deployment. */
public enum Operation {
    CHAT_COMPLETIONS("chat/completions"),
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings"),
    RESPONSES("responses");

    private static final Map<String, Operation> BY_PATH = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Operation::path, Function.identity()));

    private final String path;
    private final String id;

    Operation(String path) {
        this.path = path;
        this.id = path.replace('/', '.');
    }

    public String path() {
        return path;
    }

    /** The operation's id in policy scopes and in the {@code operation} dimension of the token metrics. */
    public String id() {
        return id;
    }

    /** The operation whose path this is exactly ({@code chat/completions}), if any. */
    public static Optional<Operation> ofPath(String path) {
        return Optional.ofNullable(BY_PATH.get(path));
    }
}
