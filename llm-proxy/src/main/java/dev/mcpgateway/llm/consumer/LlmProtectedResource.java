package dev.mcpgateway.llm.consumer;

import dev.mcpgateway.auth.config.AuthServerConfig;
import dev.mcpgateway.auth.config.ProtectedResource;
import dev.mcpgateway.auth.config.ProtectedResources;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Makes the in-process authorization server issue tokens for the LLM API: whichever {@link ProtectedResources} the
 * application uses (the configured set, or the gateway's catalog-backed one) also lists {@link GatewayTokens#resource()}.
 * Wrapping the bean rather than replacing it keeps this module out of the MCP gateway's choice.
 */
@Singleton
@Requires(property = AuthServerConfig.ISSUER)
@Requires(property = GatewayTokenSettings.PREFIX + ".enabled", notEquals = "false")
public class LlmProtectedResource implements BeanCreatedEventListener<ProtectedResources> {

    private final BeanProvider<GatewayTokens> tokens;

    public LlmProtectedResource(BeanProvider<GatewayTokens> tokens) {
        this.tokens = tokens;
    }

    @Override
    public ProtectedResources onCreated(BeanCreatedEvent<ProtectedResources> event) {
        ProtectedResources delegate = event.getBean();
        return new ProtectedResources() {
            @Override
            public List<ProtectedResource> all() {
                ProtectedResource llm = tokens.get().resource();
                List<ProtectedResource> all = new ArrayList<>(delegate.all());
                if (all.stream().noneMatch(r -> r.url().equals(llm.url()))) {
                    all.add(llm);
                }
                return List.copyOf(all);
            }

            @Override
            public Optional<ProtectedResource> defaultResource() {
                return delegate.defaultResource();
            }
        };
    }
}
