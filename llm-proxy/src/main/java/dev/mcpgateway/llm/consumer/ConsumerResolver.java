package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.resource.TokenPrincipal;
import dev.mcpgateway.llm.api.LlmApi;
import dev.mcpgateway.llm.api.SubscriptionKeyNames;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Identifies the caller from its subscription key, where the called API's {@link SubscriptionKeyNames} say (headers
 * and query parameters) or as {@code Authorization: Bearer} (where OpenAI clients put it), and checks that the
 * subscription and its product allow this deployment. A bearer that is no subscription key is tried as a gateway
 * access token ({@link GatewayTokens}) when an authorization server is configured; its caller joins the product its
 * claims map to ({@link ProductRules}).
 */
@Singleton
public class ConsumerResolver {

    private final ConsumerDirectory directory;
    private final GatewayTokens tokens;

    public ConsumerResolver(ConsumerDirectory directory, GatewayTokens tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    /**
     * Whether resolving this caller may wait on the network: a bearer that is no subscription key is checked as a
     * gateway access token (the validator may fetch keys). Subscription keys are looked up in memory.
     */
    public boolean mayBlock(LlmApi api, HttpRequest<?> http) {
        if (!tokens.enabled()) {
            return false;
        }
        String key = presentedKey(api.subscriptionKeyParameterNames(), http);
        return key != null && directory.byKey(key).isEmpty();
    }

    public Consumer resolve(LlmApi api, HttpRequest<?> http, String deployment, String clientAddress) {
        HttpHeaders headers = http.getHeaders();
        String key = presentedKey(api.subscriptionKeyParameterNames(), http);
        if (key == null) {
            if (api.subscriptionRequired()) {
                OpenAiError missing = OpenAiError.unauthorized("Access denied due to missing subscription key. "
                        + "Send it " + places(api.subscriptionKeyParameterNames()) + "as a bearer token.");
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
                return tokenCaller(tokens.authenticate(authorization), api, deployment, clientAddress);
            }
            throw new OpenAiErrorException(OpenAiError.unauthorized("Access denied due to invalid subscription key."));
        }
        Subscription subscription = found.get();
        if (subscription.state() != Subscription.State.ACTIVE) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription is not active.", "subscription_inactive"));
        }
        if (subscription.apiId() != null && !subscription.apiId().equals(api.id())) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription is for another API.", "api_not_in_subscription"));
        }
        checkProduct(subscription.productId(), api, deployment);
        return new Consumer(subscription.id(), subscription.productId(), subscription.ownerId(), clientAddress);
    }

    private Consumer tokenCaller(TokenPrincipal principal, LlmApi api, String deployment, String clientAddress) {
        String product = tokens.product(principal.claims()).orElse(null);
        checkProduct(product, api, deployment);
        // "token:<sub>" keeps {subscription} counter keys and cache partitions per caller, apart from real subscriptions
        return new Consumer("token:" + principal.subject(), product, principal.subject(), clientAddress,
                principal.claims());
    }

    /** One lookup of the caller's product: it must grant the API and the deployment, and be published. */
    private void checkProduct(String productId, LlmApi api, String deployment) {
        Product product = directory.product(productId).orElse(null);
        if (product == null) {
            return;
        }
        if (!product.grantsApi(api.id())) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription's product does not include this API.", "api_not_in_product"));
        }
        if (product.state() != Product.State.PUBLISHED || !product.allows(deployment)) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription's product does not include this deployment.", "deployment_not_in_product"));
        }
    }

    private static String bearer(String authorization) {
        return authorization.regionMatches(true, 0, "Bearer ", 0, 7) ? authorization.substring(7).trim() : null;
    }

    /** The first key found: in the API's headers, then its query parameters, then a bearer token. */
    public static String presentedKey(SubscriptionKeyNames names, HttpRequest<?> http) {
        for (String header : names.headers()) {
            String key = http.getHeaders().get(header);
            if (key != null && !key.isBlank()) {
                return key.trim();
            }
        }
        for (String parameter : names.queryParameters()) {
            String key = http.getParameters().get(parameter);
            if (key != null && !key.isBlank()) {
                return key.trim();
            }
        }
        String authorization = http.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String key = authorization == null ? null : bearer(authorization);
        return key == null || key.isBlank() ? null : key;
    }

    /** "in the api-key or Ocp-Apim-Subscription-Key header, or " (and the query parameters). */
    private static String places(SubscriptionKeyNames names) {
        List<String> places = new ArrayList<>();
        if (!names.headers().isEmpty()) {
            places.add("the " + String.join(" or ", names.headers()) + " header");
        }
        if (!names.queryParameters().isEmpty()) {
            places.add("the " + String.join(" or ", names.queryParameters()) + " query parameter");
        }
        return places.isEmpty() ? "" : "in " + String.join(", ", places) + ", or ";
    }
}
