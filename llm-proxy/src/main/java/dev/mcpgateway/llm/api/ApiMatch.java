package dev.mcpgateway.llm.api;

/**
 * What a request path means to the LLM APIs: which API it is under, the operation and the deployment named in the
 * path (Azure style; null when the model is in the body). A null operation means the path is under the API but
 * names nothing it serves.
 */
public record ApiMatch(LlmApi api, Operation operation, String deployment) {

    public boolean servesOperation() {
        return operation != null;
    }
}
