package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Compiles {@code validate-jwt}. Keys come from {@code <openid-config url>}s (read at the first call, never at load)
 * and {@code <issuer-signing-keys>}; at least one must be written, since without keys no signed token can pass.
 */
@Singleton
public final class ValidateJwtFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("validate-jwt");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        List<OpenIdProvider> providers = new ArrayList<>();
        for (PolicyElement config : element.children("openid-config")) {
            providers.add(new OpenIdProvider(configurationUrl(config)));
        }
        List<TokenKeys.WrittenKey> written = new ArrayList<>();
        for (PolicyElement keys : element.children("issuer-signing-keys")) {
            for (PolicyElement key : keys.children("key")) {
                written.add(WrittenKeys.compile(key));
            }
        }
        if (providers.isEmpty() && written.isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "needs an <openid-config> or"
                    + " <issuer-signing-keys> with a <key>: without keys no token can be verified");
        }
        List<TokenRule> rules = new ArrayList<>();
        List<Expression> audiences = Items.texts(element, "audiences", "audience");
        if (!audiences.isEmpty()) {
            rules.add(new Audiences(audiences));
        }
        List<Expression> issuers = Items.texts(element, "issuers", "issuer");
        if (!issuers.isEmpty() || !providers.isEmpty()) {
            rules.add(new Issuers(issuers, providers));
        }
        RequiredClaims claims = RequiredClaims.compile(element);
        if (claims != null) {
            rules.add(claims);
        }
        return ValidateToken.compile(element, TokenValidation.compile(element, new TokenKeys(written, providers),
                rules));
    }

    private static URI configurationUrl(PolicyElement config) throws PolicyDocumentException {
        String text = config.attribute("url").evaluateText(null);
        try {
            URI url = new URI(text.strip());
            if (url.getHost() != null && ("https".equalsIgnoreCase(url.getScheme())
                    || "http".equalsIgnoreCase(url.getScheme()))) {
                return url;
            }
        } catch (URISyntaxException notAUrl) {
            // refused below, with the same words as a URL of another scheme
        }
        throw new PolicyDocumentException(config.name(), config.line(), "the attribute 'url' must be an absolute"
                + " http(s) URL");
    }
}
