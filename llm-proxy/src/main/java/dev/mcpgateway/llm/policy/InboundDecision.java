package dev.mcpgateway.llm.policy;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What a call's inbound (or backend) policies decided: go on, refuse, or answer in place of the backend. */
public sealed interface InboundDecision {

    InboundDecision PROCEED = new Proceed();

    record Proceed() implements InboundDecision {
    }

    /**
     * The call is refused; the proxy answers with the OpenAI error envelope.
     *
     * @param status  a 4xx or 5xx status (429 for a limit, 403 for a quota)
     * @param code    the envelope's machine-readable {@code code}, e.g. {@code token_limit_exceeded}
     * @param message a sentence for the caller, never internal detail
     * @param headers headers of the refusal ({@code Retry-After}, remaining counts)
     */
    record Refuse(int status, String code, String message, Map<String, String> headers) implements InboundDecision {
        public Refuse {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
            headers = Map.copyOf(headers);
        }
    }

    /** A policy answers in place of the backend ({@code return-response}, {@code mock-response}). */
    record Respond(int status, Map<String, List<String>> headers, String body) implements InboundDecision {
        public Respond {
            headers = Map.copyOf(headers);
            body = body == null ? "" : body;
        }
    }
}
