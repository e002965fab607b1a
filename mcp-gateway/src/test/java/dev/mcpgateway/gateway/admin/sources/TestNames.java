package dev.mcpgateway.gateway.admin.sources;

import dev.mcpgateway.auth.client.ssrf.HostResolver;
import dev.mcpgateway.gateway.catalog.SpecSourcesFactory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The DNS of these tests: {@value #PUBLIC_NAME} stands for a public host and answers 127.0.0.2 (which the tests'
 * configuration allow-lists, as an operator would list an intranet); every other name resolves as usual.
 */
@Singleton
@Replaces(value = HostResolver.class, factory = SpecSourcesFactory.class)
@Requires(property = "spec.name", value = "spec-sources")
public class TestNames implements HostResolver {

    static final String PUBLIC_NAME = "specs.example.test";
    static final String PUBLIC_ADDRESS = "127.0.0.2";

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        return host.equals(PUBLIC_NAME) ? List.of(InetAddress.getByName(PUBLIC_ADDRESS))
                : List.of(InetAddress.getAllByName(host));
    }
}
