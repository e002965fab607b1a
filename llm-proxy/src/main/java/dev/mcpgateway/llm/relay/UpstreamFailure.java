package dev.mcpgateway.llm.relay;

/** A backend that did not answer: refused, timed out, reset, or sent more than the proxy will hold. */
public final class UpstreamFailure extends Exception {

    /** {@code connect}, {@code timeout}, {@code io} or {@code too_large}: the breaker's {@code errorReasons}. */
    private final String reason;

    public UpstreamFailure(String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
