package dev.mcpgateway.gateway.policy.engine;

/**
 * How a call ended, for the policies that settle afterwards (token limits charge what was consumed, a bandwidth quota
 * counts what was sent).
 *
 * @param status        the status the caller got
 * @param requestBytes  the size of the request body sent to the backend, 0 when it was not sent
 * @param responseBytes the size of the response body the caller got
 * @param tokens        prompt and completion tokens consumed (LLM calls), 0 otherwise
 */
public record CallOutcome(int status, long requestBytes, long responseBytes, long tokens) {
}
