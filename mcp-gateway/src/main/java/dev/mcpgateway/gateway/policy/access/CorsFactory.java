package dev.mcpgateway.gateway.policy.access;

import dev.mcpgateway.gateway.policy.attributes.Condition;
import dev.mcpgateway.gateway.policy.attributes.WholeNumber;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.engine.Surface;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code cors} ({@link Cors}), on model APIs: the MCP and OAuth endpoints answer CORS themselves (any origin, no
 * credentials), so a document at an MCP server's scope may not hold one. Origins, methods and headers are text;
 * {@code *} allows any, except an origin of {@code *} with {@code allow-credentials="true"}, which browsers refuse and
 * which is refused here at load.
 */
@Singleton
public final class CorsFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("cors");
    }

    @Override
    public Set<Surface> surfaces() {
        return EnumSet.of(Surface.LLM);
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        List<PolicyElement> originLists = element.children("allowed-origins");
        if (originLists.isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "needs <allowed-origins>");
        }
        Set<String> origins = items(originLists, "origin", Cors::normalise);
        boolean anyOrigin = origins.remove("*");
        if (origins.isEmpty() && !anyOrigin) {
            throw new PolicyDocumentException(element.name(), element.line(), "<allowed-origins> names no origin");
        }
        Condition credentials = Condition.compile(element, "allow-credentials", false);
        if (anyOrigin && credentials.isConstant() && credentials.evaluate(null)) {
            throw new PolicyDocumentException(element.name(), element.line(), "allow-credentials=\"true\" cannot go"
                    + " with the origin *: name the origins");
        }
        List<PolicyElement> methodLists = element.children("allowed-methods");
        Set<String> methods = items(methodLists, "method", m -> m.toUpperCase(Locale.ROOT));
        boolean anyMethod = methods.isEmpty() || methods.remove("*");
        Long maxAge = methodLists.isEmpty() ? null : WholeNumber.literal(methodLists.getFirst(),
                "preflight-result-max-age", n -> n >= 0, "a whole number of seconds");
        Set<String> headers = items(element.children("allowed-headers"), "header", h -> h.toLowerCase(Locale.ROOT));
        boolean anyHeader = headers.remove("*");
        List<String> expose = new ArrayList<>(items(element.children("expose-headers"), "header", h -> h));
        // in the order written: the preflight's answer lists the methods and headers as the document does
        return new Cors(Set.copyOf(origins), anyOrigin, Collections.unmodifiableSet(methods), anyMethod,
                Collections.unmodifiableSet(headers), anyHeader, List.copyOf(expose), maxAge, credentials,
                Condition.compile(element, "terminate-unmatched-request", true));
    }

    /** The text of every item of the lists, in order, as {@code form} writes it; an expression is refused. */
    private static Set<String> items(List<PolicyElement> lists, String item, UnaryOperator<String> form)
            throws PolicyDocumentException {
        Set<String> values = new LinkedHashSet<>();
        for (PolicyElement list : lists) {
            for (PolicyElement entry : list.children(item)) {
                Expression text = entry.text();
                if (text == null || !text.isConstant() || text.evaluateText(null).isBlank()) {
                    throw new PolicyDocumentException(entry.name(), entry.line(), "must be written as text");
                }
                values.add(form.apply(text.evaluateText(null).strip()));
            }
        }
        return values;
    }
}
