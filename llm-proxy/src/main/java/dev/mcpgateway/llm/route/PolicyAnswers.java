package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.policy.InboundDecision;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The LLM surface's rendering of what policies decided: a refusal is the OpenAI error envelope, an answer is the
 * HTTP response the policy wrote, and the headers policies set go on whatever the caller gets.
 */
final class PolicyAnswers {

    /** The suffix of the codes of spent quotas ({@code token_quota_exceeded}, {@code quota_exceeded}). */
    private static final String QUOTA = "quota_exceeded";

    private PolicyAnswers() {
    }

    static OpenAiError error(InboundDecision.Refuse refused) {
        return new OpenAiError(refused.status(), refused.message(), type(refused), null, refused.code());
    }

    /** A limit or a quota refused the call (counted apart from the backends' own 429s). */
    static boolean isLimit(InboundDecision.Refuse refused) {
        return refused.status() == 429 || refused.code().endsWith(QUOTA);
    }

    /** OpenAI's error types: a spent quota is {@code insufficient_quota}, a limit {@code rate_limit_error}. */
    private static String type(InboundDecision.Refuse refused) {
        if (refused.code().endsWith(QUOTA)) {
            return "insufficient_quota";
        }
        if (refused.status() == 429) {
            return "rate_limit_error";
        }
        return refused.status() >= 500 ? "api_error" : "invalid_request_error";
    }

    /** The response a policy gave, with the headers the call's policies set. */
    static MutableHttpResponse<?> response(InboundDecision.Respond answer, Map<String, List<String>> policyHeaders) {
        MutableHttpResponse<byte[]> response = HttpResponse.<byte[]>ok().status(answer.status());
        answer.headers().forEach((name, values) -> values.forEach(value -> response.getHeaders().add(name, value)));
        if (!answer.body().isEmpty()) {
            response.body(answer.body().getBytes(StandardCharsets.UTF_8));
        }
        addHeaders(policyHeaders, response);
        return response;
    }

    /** Sets each header the policies gave, replacing the backend's of that name; an empty list removes it. */
    static void addHeaders(Map<String, List<String>> headers, MutableHttpResponse<?> response) {
        headers.forEach((name, values) -> {
            response.getHeaders().remove(name);
            values.forEach(value -> response.getHeaders().add(name, value));
        });
    }
}
