package dev.mcpgateway.gateway.catalog;

import java.util.Optional;

/** What a tool call can ask of the protocol layer while it runs. */
public interface CallContext {

    /** True once the client sent {@code notifications/cancelled} for this request or went away. */
    boolean isCancelled();

    /**
     * Reports progress to the client; does nothing when the request carried no {@code progressToken}.
     *
     * @param progress increasing value
     * @param total    the expected end value, if known
     * @param message  a short human-readable status, may be null
     */
    void progress(double progress, Double total, String message);

    /**
     * Sends a log message to the client ({@code notifications/message}) if the client's log level lets it through;
     * does nothing otherwise. Never put secrets or internal exception text here: the client sees it.
     *
     * @param level   the message's severity
     * @param message the text
     */
    default void log(io.modelcontextprotocol.spec.McpSchema.LoggingLevel level, String message) {
    }

    /** The authenticated caller, when the server requires authentication. */
    Optional<Caller> caller();

    /** The HTTP request the call came in on. */
    default CallOrigin origin() {
        return CallOrigin.NONE;
    }

    /** Who is calling: the subject of the gateway token and what it grants. */
    record Caller(String subject, java.util.Set<String> scopes, java.util.Map<String, Object> claims) {
    }

    /** A context for calls made outside any MCP request (tests, tools invoking tools). */
    CallContext NONE = new CallContext() {
        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void progress(double progress, Double total, String message) {
        }

        @Override
        public Optional<Caller> caller() {
            return Optional.empty();
        }
    };
}
