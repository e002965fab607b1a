package dev.mcpgateway.gateway.admin;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;

/**
 * Any other {@code /admin/...} request: a problem+json 404 naming the known resources, instead of the framework's
 * generic error body, so admin clients only ever parse one error shape.
 */
@Controller("/admin")
public final class AdminFallbackController {

    @Get("/{+rest}")
    @Post("/{+rest}")
    @Put("/{+rest}")
    @Patch("/{+rest}")
    @Delete("/{+rest}")
    public HttpResponse<?> unknown(HttpRequest<?> request, String rest) {
        return Problem.of(HttpStatus.NOT_FOUND, "Not found", "No admin route " + request.getMethodName() + " /admin/"
                + rest + "; see docs/mcp-gateway-admin.md for the routes.").toResponse();
    }
}
