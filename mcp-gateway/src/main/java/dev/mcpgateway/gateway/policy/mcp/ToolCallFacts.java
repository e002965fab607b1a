package dev.mcpgateway.gateway.policy.mcp;

import dev.mcpgateway.gateway.catalog.CallContext;
import dev.mcpgateway.gateway.catalog.CallOrigin;
import dev.mcpgateway.gateway.policy.engine.CallFacts;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.ContextValue;

/**
 * A tool call as policies read it. The MCP server is the API and the tool the operation, also for a compact server,
 * where the tool is the operation {@code invoke} reaches (so a policy on it applies however it is called). Tool calls
 * carry no subscription or product; a message other than a tool call has no tool either.
 */
record ToolCallFacts(String server, String tool, CallContext context) implements CallFacts {

    @Override
    public Surface surface() {
        return Surface.MCP;
    }

    @Override
    public String value(ContextValue value) {
        CallOrigin origin = context.origin();
        return switch (value) {
            case API_ID, API_NAME -> server;
            case API_PATH -> "mcp/" + server;
            case OPERATION_ID, MCP_TOOL_NAME -> tool;
            case REQUEST_IP_ADDRESS -> origin.clientAddress();
            case REQUEST_METHOD -> origin.method();
            case REQUEST_URL_PATH -> origin.path();
            case MCP_SESSION_ID -> origin.sessionId();
            case MCP_CLIENT_NAME -> origin.clientName();
            case USER_ID -> context.caller().map(CallContext.Caller::subject).orElse(null);
            case USER_EMAIL -> context.caller().map(caller -> caller.claims().get("email"))
                    .map(String::valueOf).orElse(null);
            case SUBSCRIPTION_ID, SUBSCRIPTION_KEY, SUBSCRIPTION_NAME, PRODUCT_ID, PRODUCT_NAME, DEPLOYMENT_REGION ->
                    null;
        };
    }

    @Override
    public String header(String name) {
        return context.origin().headers().get(name);
    }

    /** MCP requests carry their arguments in the body; the endpoint's URL has no query policies could read. */
    @Override
    public String queryParameter(String name) {
        return null;
    }
}
