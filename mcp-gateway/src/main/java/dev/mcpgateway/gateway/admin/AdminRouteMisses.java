package dev.mcpgateway.gateway.admin;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Any {@code /admin/...} request no route serves, whatever its verb: a problem+json 404 (or 405 with {@code Allow}
 * when the path is served for other verbs) instead of the framework's body, so admin clients only ever parse one
 * error shape. A filter rather than catch-all routes: those
 * would compete with the real ones in Micronaut's route choice, where a route consuming the request's content type
 * explicitly beats a more specific path.
 */
@ServerFilter({"/admin", "/admin/**"})
public final class AdminRouteMisses {

    @ResponseFilter
    public HttpResponse<?> problem(HttpRequest<?> request, HttpResponse<?> response) {
        boolean missed = response.getStatus() == HttpStatus.NOT_FOUND
                || response.getStatus() == HttpStatus.METHOD_NOT_ALLOWED;
        boolean ours = response.getContentType().map(type -> type.toString().startsWith(Problem.MEDIA_TYPE))
                .orElse(false);
        if (!missed || ours) {
            return response;
        }
        if (response.getStatus() == HttpStatus.METHOD_NOT_ALLOWED) {
            var answer = Problem.of(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", request.getMethodName()
                    + " is not served on " + request.getPath() + "; see docs/mcp-gateway-admin.md for the routes.")
                    .toResponse();
            response.getHeaders().getAll(HttpHeaders.ALLOW).forEach(allow -> answer.header(HttpHeaders.ALLOW, allow));
            return answer;
        }
        return Problem.of(HttpStatus.NOT_FOUND, "Not found", "No admin route " + request.getMethodName() + " "
                + request.getPath() + "; see docs/mcp-gateway-admin.md for the routes.").toResponse();
    }
}
