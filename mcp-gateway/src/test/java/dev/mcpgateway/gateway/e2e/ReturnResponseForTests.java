package dev.mcpgateway.gateway.e2e;

import dev.mcpgateway.gateway.policy.engine.Decision;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.PolicyResponse;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A constant {@code return-response} for one test, standing in for the real policy (the flow policies' work): its
 * status, headers and body as written, answered as a {@link Decision.Respond}.
 */
@Singleton
@Requires(property = "spec.name", value = LlmPoliciesThroughAdminTest.SPEC)
final class ReturnResponseForTests implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("return-response");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) {
        int status = element.children("set-status").stream()
                .map(s -> Integer.parseInt(s.attribute("code").evaluateText(null))).findFirst().orElse(200);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (PolicyElement header : element.children("set-header")) {
            headers.put(header.attribute("name").evaluateText(null),
                    header.children("value").stream().map(v -> v.text().evaluateText(null)).toList());
        }
        String body = element.children("set-body").stream().map(b -> b.text().evaluateText(null)).findFirst()
                .orElse("");
        PolicyResponse response = new PolicyResponse(status, headers, body);
        return call -> new Decision.Respond(response);
    }
}
