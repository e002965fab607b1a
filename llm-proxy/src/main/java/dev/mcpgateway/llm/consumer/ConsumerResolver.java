package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.llm.config.LlmSettings;
import dev.mcpgateway.llm.error.OpenAiError;
import dev.mcpgateway.llm.error.OpenAiErrorException;
import io.micronaut.http.HttpHeaders;
import jakarta.inject.Singleton;

/**
 * Identifies the caller from its subscription key ({@code api-key}, {@code Ocp-Apim-Subscription-Key} or
 * {@code Authorization: Bearer}, the places Azure OpenAI and OpenAI clients put it) and checks that the subscription
 * and its product allow this deployment.
 */
@Singleton
public class ConsumerResolver {

    private final ConsumerDirectory directory;
    private final LlmSettings settings;

    public ConsumerResolver(ConsumerDirectory directory, LlmSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    public Consumer resolve(HttpHeaders headers, String deployment, String clientAddress) {
        String key = presentedKey(headers);
        if (key == null) {
            if (settings.isSubscriptionRequired()) {
                throw new OpenAiErrorException(OpenAiError.unauthorized(
                        "Access denied due to missing subscription key. Send it in the api-key or "
                                + "Ocp-Apim-Subscription-Key header, or as a bearer token."));
            }
            return Consumer.anonymous(clientAddress);
        }
        Subscription subscription = directory.byKey(key).orElseThrow(() -> new OpenAiErrorException(
                OpenAiError.unauthorized("Access denied due to invalid subscription key.")));
        if (subscription.state() != Subscription.State.ACTIVE) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription is not active.", "subscription_inactive"));
        }
        Product product = directory.product(subscription.productId()).orElse(null);
        if (product != null && (product.state() != Product.State.PUBLISHED || !product.allows(deployment))) {
            throw new OpenAiErrorException(OpenAiError.forbidden(
                    "The subscription's product does not include this deployment.", "deployment_not_in_product"));
        }
        return new Consumer(subscription.id(), subscription.productId(), subscription.ownerId(), clientAddress);
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
