package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.admin.AuthAdministration;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * {@code /admin/auth/clients}: the OAuth clients registered with the authorization server (dynamic registration).
 * Listing never shows a secret or its hash; deleting one revokes everything issued to it.
 */
@Controller("/admin/auth/clients")
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AuthClientsController {

    private final AuthAdministration administration;
    private final AdminRequests requests;
    private final ObjectMapper json;

    public AuthClientsController(AuthAdministration administration, ObjectMapper json) {
        this.administration = administration;
        this.json = json;
        this.requests = new AdminRequests(json);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list() {
        ObjectNode body = json.createObjectNode();
        body.set("value", json.valueToTree(administration.clients()));
        return HttpResponse.ok(body);
    }

    @Get(uri = "/{clientId}", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> get(@PathVariable String clientId) throws InvalidDefinitionException {
        return administration.client(AuthAdminInput.required("clientId", clientId))
                .<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> notFound(clientId));
    }

    /** 204; the client's refresh tokens, pending codes and consents go, and its access tokens are refused. */
    @Delete(uri = "/{clientId}")
    public HttpResponse<?> delete(@PathVariable String clientId) throws InvalidDefinitionException {
        return administration.deleteClient(AuthAdminInput.required("clientId", clientId))
                .<HttpResponse<?>>map(removed -> HttpResponse.noContent())
                .orElseGet(() -> notFound(clientId));
    }

    private static HttpResponse<?> notFound(String clientId) {
        return Problem.of(HttpStatus.NOT_FOUND, "Not found", "No registered client '" + clientId
                + "' (clients known by a metadata document URL are not registered and cannot be deleted).").toResponse();
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
