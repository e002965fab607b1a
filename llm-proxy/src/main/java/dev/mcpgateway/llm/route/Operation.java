package dev.mcpgateway.llm.route;

/** The model operations the proxy serves, with their path below {@code /v1} or a deployment. */
public enum Operation {
    CHAT_COMPLETIONS("chat/completions"),
    COMPLETIONS("completions"),
    EMBEDDINGS("embeddings"),
    RESPONSES("responses");

    private final String path;

    Operation(String path) {
        this.path = path;
    }

    public String path() {
        return path;
    }
}
