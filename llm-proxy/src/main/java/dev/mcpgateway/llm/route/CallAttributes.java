package dev.mcpgateway.llm.route;

import dev.mcpgateway.llm.consumer.Consumer;
import dev.mcpgateway.llm.consumer.GatewayTokens;
import dev.mcpgateway.llm.limit.RequestAttributes;
import io.micronaut.http.HttpHeaders;
import java.util.Optional;

/** What a counter-key expression reads, over the incoming request and its resolved consumer. */
record CallAttributes(Consumer consumer, HttpHeaders headers) implements RequestAttributes {

    @Override
    public Optional<String> subscriptionId() {
        return Optional.ofNullable(consumer.subscriptionId());
    }

    @Override
    public Optional<String> clientIp() {
        return Optional.ofNullable(consumer.clientAddress());
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public Optional<String> jwtClaim(String name) {
        return GatewayTokens.claim(consumer.claims(), name);
    }
}
