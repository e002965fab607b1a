package dev.mcpgateway.auth.consent;

import com.nimbusds.oauth2.sdk.OAuth2Error;
import dev.mcpgateway.auth.authorize.AuthorizationResponses;
import dev.mcpgateway.auth.authorize.AuthorizeController;
import dev.mcpgateway.auth.authorize.PendingAuthorization;
import dev.mcpgateway.auth.authorize.PendingAuthorizations;
import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.auth.upstream.UpstreamLogin;
import dev.mcpgateway.auth.upstream.UpstreamLoginException;
import dev.mcpgateway.auth.upstream.UpstreamUnavailable;
import java.net.URI;
import dev.mcpgateway.auth.web.Cookies;
import dev.mcpgateway.auth.web.FormBody;
import dev.mcpgateway.auth.web.HtmlResponses;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /consent}: the consent form's answer. The CSRF token must match the browser's cookie and the pending
 * request; approval is remembered in a signed, client-bound cookie naming a fresh consent id (recorded for the user
 * at the callback) and only then is the upstream state created.
 */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsentController {

    private final AuthServerConfig config;
    private final PendingAuthorizations pendings;
    private final ConsentCookies cookies;
    private final Optional<UpstreamLogin> upstream;

    public ConsentController(AuthServerConfig config, PendingAuthorizations pendings, ConsentCookies cookies,
                             Optional<UpstreamLogin> upstream) {
        this.config = config;
        this.pendings = pendings;
        this.cookies = cookies;
        this.upstream = upstream;
    }

    @Post(value = "/consent", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    public HttpResponse<String> decide(HttpRequest<?> request, @Body String body) {
        Map<String, String> form = FormBody.parse(body);
        String product = AuthorizeController.productName(config);
        Optional<PendingAuthorization> pending = pendings.find(form.get("request"));
        if (pending.isEmpty()) {
            return HtmlResponses.page(HttpStatus.BAD_REQUEST, Pages.error(product,
                    "This sign-in request has expired. Start again from your application."));
        }
        String csrfCookie = Cookies.of(request).get(cookies.csrfCookieName());
        if (!cookies.csrfValid(csrfCookie, pending.get().id(), form.get("csrf"))) {
            return HtmlResponses.page(HttpStatus.FORBIDDEN, Pages.error(product,
                    "The consent form could not be verified. Start again from your application."));
        }
        PendingAuthorization asked = pending.get();
        if (!"approve".equals(form.get("decision")) || upstream.isEmpty()) {
            pendings.take(asked.id());
            return HtmlResponses.redirect(AuthorizationResponses.error(config.getIssuer(), asked.redirectUri(),
                    OAuth2Error.ACCESS_DENIED.setDescription("the user denied access"), asked.state()));
        }
        // a fresh consent id: the callback records it for the user, the cookie below remembers it in this browser
        PendingAuthorization p = asked.withConsentId(Hashing.randomToken(16));
        pendings.save(p);
        URI login;
        try {
            login = upstream.get().begin(p.id());
        } catch (UpstreamLoginException e) {
            return UpstreamUnavailable.page(product, e);
        }
        return HtmlResponses.redirect(login)
                .header("Set-Cookie", cookies.setCookie(cookies.consentCookieName(p.clientId()),
                        cookies.consentValue(p), cookies.remember()));
    }
}
