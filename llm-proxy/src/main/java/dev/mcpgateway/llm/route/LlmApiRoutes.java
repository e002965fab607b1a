package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.api.LlmApiRegistry;
import io.micronaut.context.ExecutionHandleLocator;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.web.router.DefaultRouteBuilder;
import jakarta.inject.Singleton;

/**
 * The routes of the LLM APIs: any POST (and its CORS preflight) whose path is under a registered (or built-in) API. The paths change at
 * run time, so the route matches every path and a condition asks the {@link LlmApiRegistry}; a request under no API
 * is no match, and the application's other routes, 404s and 405s are exactly what they would be without this one.
 */
@Singleton
public class LlmApiRoutes extends DefaultRouteBuilder {

    public LlmApiRoutes(ExecutionHandleLocator locator, LlmApiEndpoint endpoint, LlmApiRegistry apis) {
        super(locator);
        POST("/{+path}", endpoint, "call", HttpRequest.class, byte[].class)
                .consumesAll()
                .produces(MediaType.ALL_TYPE)
                .where(request -> apis.match(request.getPath()).isPresent());
        // a browser asks before it calls: the API's policies (cors) answer
        OPTIONS("/{+path}", endpoint, "preflight", HttpRequest.class)
                .where(request -> apis.match(request.getPath()).isPresent());
    }
}
