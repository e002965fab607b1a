package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compiles {@code validate-azure-ad-token}: a {@code validate-jwt} for one Entra ID tenant. Keys and issuers come
 * from the tenant's v2.0 and v1.0 OpenID configurations, so that both token versions pass, as in APIM; the token
 * must have been issued to one of the {@code <client-application-ids>} and, when {@code <audiences>} or
 * {@code <backend-application-ids>} are written, to one of them (a backend application as its id or
 * {@code api://} id). Tokens come from the {@code Authorization} header unless the element says otherwise.
 */
@Singleton
public final class ValidateAzureAdTokenFactory implements PolicyFactory {

    /** Where the tenants' configurations are; another Entra cloud, or a stand-in in tests, can be named instead. */
    public static final String AUTHORITY = "gateway.policies.entra-authority";
    static final String PUBLIC_CLOUD = "https://login.microsoftonline.com";

    /** A tenant id or domain, the one path segment Entra's URLs take. */
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

    private final String authority;

    @Inject
    public ValidateAzureAdTokenFactory(@Value("${" + AUTHORITY + ":" + PUBLIC_CLOUD + "}") String authority) {
        this.authority = authority.strip().replaceAll("/+$", "");
    }

    @Override
    public Set<String> elements() {
        return Set.of("validate-azure-ad-token");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        String tenant = tenant(element);
        List<OpenIdProvider> providers = List.of(
                new OpenIdProvider(URI.create(authority + "/" + tenant + "/v2.0/.well-known/openid-configuration")),
                new OpenIdProvider(URI.create(authority + "/" + tenant + "/.well-known/openid-configuration")));
        List<String> clients = Items.literals(element, "client-application-ids", "application-id");
        if (clients.isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "needs <client-application-ids> with"
                    + " at least one <application-id>");
        }
        List<TokenRule> rules = new ArrayList<>(List.of(new Issuers(List.of(), providers),
                new ClientApplications(Set.copyOf(clients))));
        List<Expression> audiences = new ArrayList<>(Items.texts(element, "audiences", "audience"));
        for (String backend : Items.literals(element, "backend-application-ids", "application-id")) {
            audiences.add(Expression.constant(backend));
            audiences.add(Expression.constant("api://" + backend));
        }
        if (!audiences.isEmpty()) {
            rules.add(new Audiences(List.copyOf(new LinkedHashSet<>(audiences))));
        }
        RequiredClaims claims = RequiredClaims.compile(element);
        if (claims != null) {
            rules.add(claims);
        }
        return ValidateToken.compile(element, TokenValidation.compile(element, new TokenKeys(List.of(), providers),
                rules));
    }

    /**
     * The tenant, as text (the catalog takes no expression for it: its configuration is read once and kept, so a
     * tenant chosen per call would be a fetch per call). APIM also takes it as a URL
     * ({@code https://contoso.onmicrosoft.com}).
     */
    private static String tenant(PolicyElement element) throws PolicyDocumentException {
        Expression written = element.attribute("tenant-id");
        String tenant = written.evaluateText(null).strip().replaceFirst("(?i)^https?://", "").replaceAll("/+$", "");
        if (!TENANT.matcher(tenant).matches()) {
            throw new PolicyDocumentException(element.name(), element.line(), "the attribute 'tenant-id' must be a"
                    + " tenant id or domain, such as contoso.onmicrosoft.com");
        }
        return tenant;
    }
}
