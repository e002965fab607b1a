package dev.mcpgateway.outbound;

/** A backend that did not answer: refused, timed out, reset, or sent more than the caller will hold. */
public final class OutboundFailure extends Exception {

    /**
     * {@code connect}, {@code timeout}, {@code io} or {@code too_large} from the client; callers add their own
     * (the LLM relay's {@code credential}, {@code invalid_response}). The LLM breaker's {@code errorReasons}.
     */
    private final String reason;

    public OutboundFailure(String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
