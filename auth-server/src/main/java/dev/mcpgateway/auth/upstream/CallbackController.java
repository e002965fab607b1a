package dev.mcpgateway.auth.upstream;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import dev.mcpgateway.auth.authorize.AuthorizationResponses;
import dev.mcpgateway.auth.authorize.AuthorizeController;
import dev.mcpgateway.auth.authorize.PendingAuthorization;
import dev.mcpgateway.auth.authorize.PendingAuthorizations;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.consent.ConsentRecords;
import dev.mcpgateway.auth.consent.Pages;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.auth.token.AuthorizationCodes;
import dev.mcpgateway.auth.token.Grant;
import dev.mcpgateway.auth.web.HtmlResponses;
import dev.mcpgateway.auth.web.QueryParameters;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /callback}: the upstream provider's answer. Consumes the single-use state and the pending request,
 * exchanges the upstream code server-side, keeps the upstream tokens, records consent for the now-known user and
 * sends our own code to the client.
 */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@Requires(property = UpstreamConfig.CLIENT_ID)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CallbackController {

    private static final Logger LOG = LoggerFactory.getLogger(CallbackController.class);

    private final AuthServerConfig config;
    private final UpstreamLogin upstream;
    private final PendingAuthorizations pendings;
    private final AuthorizationCodes codes;
    private final ConsentRecords consents;
    private final UpstreamTokenVault vault;

    public CallbackController(AuthServerConfig config, UpstreamLogin upstream, PendingAuthorizations pendings,
                              AuthorizationCodes codes, ConsentRecords consents, UpstreamTokenVault vault) {
        this.config = config;
        this.upstream = upstream;
        this.pendings = pendings;
        this.codes = codes;
        this.consents = consents;
        this.vault = vault;
    }

    @Get("/callback")
    public HttpResponse<String> callback(HttpRequest<?> request) {
        Map<String, String> query = QueryParameters.of(request);
        String product = AuthorizeController.productName(config);
        Optional<UpstreamLogin.Started> started = upstream.takeState(query.get("state"));
        Optional<PendingAuthorization> pending = started.flatMap(s -> pendings.take(s.pendingId()));
        if (pending.isEmpty()) {
            return HtmlResponses.page(HttpStatus.BAD_REQUEST, Pages.error(product,
                    "This sign-in response is unknown, was already used or has expired. Start again from your application."));
        }
        PendingAuthorization p = pending.get();
        if (query.containsKey("error") || !query.containsKey("code")) {
            return HtmlResponses.redirect(AuthorizationResponses.error(config.getIssuer(), p.redirectUri(),
                    OAuth2Error.ACCESS_DENIED.setDescription("the sign-in was not completed"), p.state()));
        }
        UpstreamLogin.Completed completed;
        try {
            completed = upstream.complete(started.get(), query.get("code"));
        } catch (UpstreamLoginException e) {
            LOG.warn("upstream login failed for client {}: {}", p.clientId(), e.getMessage(), e.getCause());
            return HtmlResponses.redirect(AuthorizationResponses.error(config.getIssuer(), p.redirectUri(),
                    OAuth2Error.SERVER_ERROR.setDescription("the identity provider login failed"), p.state()));
        }
        String subject = completed.identity().subject();
        vault.keep(subject, completed.tokens());
        consents.record(subject, p.clientId(), p.resource(), p.scopes(), Clock.systemUTC().instant().getEpochSecond(),
                p.consentId());
        Grant grant = new Grant(p.clientId(), completed.identity(), p.resource(), p.scopes(), Hashing.randomToken(16));
        // RFC 6749 4.1.3: the token request repeats redirect_uri only if the authorization request carried it
        String redirectToMatch = p.redirectUriGiven() ? p.redirectUri() : null;
        String code = codes.create(new AuthorizationCodes.PendingCode(grant, redirectToMatch, p.codeChallenge()));
        return HtmlResponses.redirect(AuthorizationResponses.success(config.getIssuer(), p.redirectUri(), code, p.state()));
    }
}
