package dev.mcpgateway.auth.authorize;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.consent.ConsentCookies;
import dev.mcpgateway.auth.consent.ConsentRecords;
import dev.mcpgateway.auth.consent.Pages;
import dev.mcpgateway.auth.store.Hashing;
import dev.mcpgateway.auth.upstream.UpstreamLogin;
import dev.mcpgateway.auth.upstream.UpstreamLoginException;
import dev.mcpgateway.auth.upstream.UpstreamUnavailable;
import dev.mcpgateway.auth.web.Cookies;
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
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /authorize}: validates the request, then shows the consent page, or, when this browser already
 * consented to this client and scopes and that consent was not withdrawn since, goes straight to the upstream login.
 */
@Controller
@Requires(property = AuthServerConfig.ISSUER)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuthorizeController {

    private final AuthServerConfig config;
    private final AuthorizationRequestValidator validator;
    private final PendingAuthorizations pendings;
    private final ConsentCookies cookies;
    private final ConsentRecords consents;
    private final Optional<UpstreamLogin> upstream;

    public AuthorizeController(AuthServerConfig config, AuthorizationRequestValidator validator,
                               PendingAuthorizations pendings, ConsentCookies cookies, ConsentRecords consents,
                               Optional<UpstreamLogin> upstream) {
        this.config = config;
        this.validator = validator;
        this.pendings = pendings;
        this.cookies = cookies;
        this.consents = consents;
        this.upstream = upstream;
    }

    @Get("/authorize")
    public HttpResponse<String> authorize(HttpRequest<?> request) {
        String product = productName(config);
        return switch (validator.validate(QueryParameters.of(request))) {
            case AuthorizationRequestValidator.Outcome.ErrorPage page ->
                    HtmlResponses.page(HttpStatus.BAD_REQUEST, Pages.error(product, page.message()));
            case AuthorizationRequestValidator.Outcome.RedirectError error -> HtmlResponses.redirect(
                    AuthorizationResponses.error(config.getIssuer(), error.redirectUri(), error.error(), error.state()));
            case AuthorizationRequestValidator.Outcome.Valid valid -> start(request, valid.pending(), product);
        };
    }

    private HttpResponse<String> start(HttpRequest<?> request, PendingAuthorization pending, String product) {
        if (upstream.isEmpty()) {
            return HtmlResponses.page(HttpStatus.SERVICE_UNAVAILABLE,
                    Pages.error(product, "No identity provider is configured for this gateway."));
        }
        Map<String, String> browserCookies = Cookies.of(request);
        // the cookie says what this browser consented to; the server says whether that consent still stands
        Optional<String> remembered = cookies.rememberedConsent(browserCookies, pending).filter(consents::stands);
        if (remembered.isPresent()) {
            pendings.save(pending.withConsentId(remembered.get()));
            try {
                return HtmlResponses.redirect(upstream.get().begin(pending.id()));
            } catch (UpstreamLoginException e) {
                return UpstreamUnavailable.page(product, e);
            }
        }
        pendings.save(pending);
        String csrf = browserCookies.get(cookies.csrfCookieName());
        boolean fresh = csrf == null || csrf.length() < 32;
        if (fresh) {
            csrf = Hashing.randomToken(32);
        }
        var response = HtmlResponses.page(HttpStatus.OK,
                Pages.consent(product, pending, cookies.csrfToken(csrf, pending.id())));
        if (fresh) {
            response.header("Set-Cookie", cookies.setCookie(cookies.csrfCookieName(), csrf, Duration.ofHours(12)));
        }
        return response;
    }

    public static String productName(AuthServerConfig config) {
        return config.getConsentProductName() == null ? "MCP Gateway" : config.getConsentProductName();
    }
}
