package dev.mcpgateway.gateway.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpgateway.auth.admin.AuthAdministration;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.keys.SigningKeys.KeyInfo;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.List;

/**
 * {@code /admin/auth/signing-keys}: the keys in the JWKS (ids and dates only) and rotation on demand, e.g. on
 * suspicion of compromise. The new key signs at once; the previous ones stay published until their tokens expire.
 */
@Controller("/admin/auth/signing-keys")
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public final class SigningKeysController {

    private final AuthAdministration administration;
    private final AdminRequests requests;
    private final ObjectMapper json;

    public SigningKeysController(AuthAdministration administration, ObjectMapper json) {
        this.administration = administration;
        this.json = json;
        this.requests = new AdminRequests(json);
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> list() {
        return HttpResponse.ok(view(administration.signingKeys()));
    }

    @Post(uri = "/rotate", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> rotate() {
        return HttpResponse.ok(view(administration.rotateSigningKey()));
    }

    private ObjectNode view(List<KeyInfo> keys) {
        ObjectNode body = json.createObjectNode();
        keys.stream().filter(KeyInfo::signing).findFirst().ifPresent(k -> body.put("signingKid", k.kid()));
        ArrayNode value = body.putArray("value");
        for (KeyInfo key : keys) {
            ObjectNode node = value.addObject();
            node.put("kid", key.kid());
            node.put("createdAt", key.createdAt().toString());
            node.put("signing", key.signing());
            if (key.publishedUntil() != null) {
                node.put("publishedUntil", key.publishedUntil().toString());
            }
        }
        return body;
    }

    @Error(exception = Exception.class)
    public HttpResponse<?> failed(Exception failure) {
        return requests.problem(failure);
    }
}
