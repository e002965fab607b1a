package dev.mcpgateway.gateway.policy.engine;

/**
 * What a policy decided about a call: go on with the next one, answer now without the backend, or refuse. The
 * chain stops at the first decision that is not {@link #CONTINUE}.
 */
public sealed interface Decision {

    Decision CONTINUE = new Continue();

    record Continue() implements Decision {
    }

    /** Answer with this response now ({@code return-response}, {@code mock-response}); the backend is not called. */
    record Respond(PolicyResponse response) implements Decision {
    }

    /** The call is refused; each surface renders the refusal in its own form. */
    record Refuse(Refusal refusal) implements Decision {
    }
}
