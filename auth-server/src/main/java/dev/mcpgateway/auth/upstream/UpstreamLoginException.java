package dev.mcpgateway.auth.upstream;

/** The upstream login failed; the message is ours (safe to log), never shown to the browser. */
public class UpstreamLoginException extends RuntimeException {

    public UpstreamLoginException(String message) {
        super(message);
    }

    public UpstreamLoginException(String message, Throwable cause) {
        super(message, cause);
    }
}
