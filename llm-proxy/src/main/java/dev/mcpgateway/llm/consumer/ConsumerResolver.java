package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.resource.TokenPrincipal;
import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Identifies the caller from its subscription key ({@code api-key}, {@code Ocp-Apim-Subscription-Key} or
 * {@code Authorization: Bearer}, the places Azure OpenAI and OpenAI clients put it) and checks that the subscription
 * and its product allow this deployment. A bearer that is no subscription key is tried as a gateway access token
 * ({@link GatewayTokens}) when an authorization server is configured; its caller joins the product its claims map to
 * ({@link ProductRules}).
 */
@Singleton
public class ConsumerResolver {

    private final ConsumerDirectory directory;
    private final LlmSettings settings;
    private final GatewayTokens tokens;

    public ConsumerResolver(ConsumerDirectory directory, LlmSettings settings, GatewayTokens tokens) {
        this.directory = directory;
        this.settings = settings;
        this.tokens = tokens;
    }

    /**
     * Whether resolving this caller may wait on the network: a bearer that is no subscription key is checked as a
     * gateway access token (the validator may fetch keys). Subscription keys are looked up in memory.
     */
    public boolean mayBlock(HttpHeaders headers) {
        if (!tokens.enabled()) {
            return false;
        }
        String key = presentedKey(headers);
        return key != null && directory.byKey(key).isEmpty();
    }

    public Consumer resolve(HttpHeaders headers, String deployment, String clientAddress) {
        String key = presentedKey(headers);
        if (key == null) {
            if (settings.isSubscriptionRequired()) {
                OpenAiError missing = OpenAiError.unauthorized(
                        "Access denied due to missing subscription key. Send it in the api-key or "
                                + "Ocp-Apim-Subscription-Key header, or as a bearer token.");
                // with an authorization server, OAuth clients learn from the challenge where to get a token
                throw new OpenAiErrorException(missing, tokens.enabled()
                        ? Map.of("WWW-Authenticate", tokens.missingTokenChallenge()) : Map.of());
            }
            return Consumer.anonymous(clientAddress);
        }
        Optional<Subscription> found = directory.byKey(key);
        if (found.isEmpty()) {
            String authorization = headers.get(HttpHeaders.AUTHORIZATION);
            if (tokens.enabled() && authorization != null && key.equals(bearer(authorization))) {
                return tokenCaller(tokens.authenticate(authorization), deployment, clientAddress);
            }
            throw new OpenAiErrorException(OpenAiError.unauthorized("Access denied due to invalid subscription key."));
        }
        Subscription subscription = found.get();
        if (subscription.state() != Subscription.State.ACTIVE) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription is not active.", "subscription_inactive"));
        }
        checkProduct(subscription.productId(), deployment);
        return new Consumer(subscription.id(), subscription.productId(), subscription.ownerId(), clientAddress);
    }

    private Consumer tokenCaller(TokenPrincipal principal, String deployment, String clientAddress) {
        String product = tokens.product(principal.claims()).orElse(null);
        checkProduct(product, deployment);
        // "token:<sub>" keeps {subscription} counter keys and cache partitions per caller, apart from real subscriptions
        return new Consumer("token:" + principal.subject(), product, principal.subject(), clientAddress,
                principal.claims());
    }

    private void checkProduct(String productId, String deployment) {
        Product product = directory.product(productId).orElse(null);
        if (product != null && (product.state() != Product.State.PUBLISHED || !product.allows(deployment))) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription's product does not include this deployment.", "deployment_not_in_product"));
        }
    }

    private static String bearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    static String presentedKey(HttpHeaders headers) {
        String key = headers.get("api-key");
        if (key == null) {
            key = headers.get("Ocp-Apim-Subscription-Key");
        }
        if (key == null) {
            String auth = headers.get(HttpHeaders.AUTHORIZATION);
            if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
                key = auth.substring(7).trim();
            }
        }
        return key == null || key.isBlank() ? null : key.trim();
    }
}
