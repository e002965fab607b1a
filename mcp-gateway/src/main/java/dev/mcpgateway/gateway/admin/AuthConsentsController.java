package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.admin.AuthAdministration;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.consent.ConsentRecords.Consent;
import dev.mcpgateway.gateway.config.InvalidDefinitionException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;

/**
 * {@code /admin/auth/consents?subject=...}: what a user (the {@code sub} of their gateway tokens, Entra's object id)
 * allowed which clients. Ids go in the query, not the path: client ids may be URLs and subjects anything.
 * Withdrawing one makes the next sign-in show the consent page again and revokes the refresh tokens issued under it.
 */
@Controller("/admin/auth/consents")
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class AuthConsentsController {

    private final AuthAdministration administration;
    private final AdminRequests requests;
    private final ObjectMapper json;

    public AuthConsentsController(AuthAdministration administration, ObjectMapper json) {
        this.administration = administration;
        this.json = json;
        this.requests = new AdminRequests(json);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list(@QueryValue @Nullable String subject) throws InvalidDefinitionException {
        String user = AuthAdminInput.required("subject", subject);
        ObjectNode body = json.createObjectNode();
        body.put("subject", user);
        ArrayNode value = body.putArray("value");
        for (Consent consent : administration.consents(user)) {
            ObjectNode node = value.addObject();
            node.put("clientId", consent.clientId());
            administration.client(consent.clientId()).map(c -> c.clientName())
                    .ifPresent(name -> node.put("clientName", name));
            node.put("resource", consent.resource());
            node.set("scopes", json.valueToTree(consent.scopes()));
            node.put("grantedAt", Instant.ofEpochSecond(consent.grantedAt()).toString());
        }
        return HttpResponse.ok(body);
    }

    @Delete
    public HttpResponse<?> withdraw(@QueryValue @Nullable String subject, @QueryValue @Nullable String clientId)
            throws InvalidDefinitionException {
        String user = AuthAdminInput.required("subject", subject);
        String client = AuthAdminInput.required("clientId", clientId);
        return administration.withdrawConsent(user, client)
                .<HttpResponse<?>>map(removed -> HttpResponse.noContent())
                .orElseGet(() -> Problem.of(HttpStatus.NOT_FOUND, "Not found",
                        "User '" + user + "' has no consent for client '" + client + "'.").toResponse());
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
