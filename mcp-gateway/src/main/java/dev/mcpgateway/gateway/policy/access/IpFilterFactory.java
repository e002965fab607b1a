package dev.mcpgateway.gateway.policy.access;

import dev.mcpgateway.gateway.policy.attributes.Choice;
import dev.mcpgateway.gateway.policy.attributes.ExpressionTypes;
import dev.mcpgateway.gateway.policy.engine.Policy;
import dev.mcpgateway.gateway.policy.engine.PolicyCompiler;
import dev.mcpgateway.gateway.policy.engine.PolicyFactory;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.expression.ValueType;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Compiles {@code ip-filter}: IPv4 and IPv6 {@code <address>}es and {@code <address-range from to>}s, at least one,
 * as APIM requires. Addresses written as text are checked at load; a range must run upwards within one family.
 */
@Singleton
public final class IpFilterFactory implements PolicyFactory {

    @Override
    public Set<String> elements() {
        return Set.of("ip-filter");
    }

    @Override
    public Policy compile(PolicyElement element, PolicyCompiler compiler) throws PolicyDocumentException {
        List<AddressRange> ranges = new ArrayList<>();
        List<Expression> addresses = new ArrayList<>();
        for (PolicyElement address : element.children("address")) {
            Expression text = address.text();
            if (text == null) {
                throw new PolicyDocumentException(address.name(), address.line(), "is empty");
            }
            if (text.isConstant()) {
                byte[] parsed = address(address, text.evaluateText(null));
                ranges.add(new AddressRange(parsed, parsed));
            } else {
                ExpressionTypes.require(address, "its text", text, ValueType.STRING, ValueType.OBJECT);
                addresses.add(text);
            }
        }
        for (PolicyElement range : element.children("address-range")) {
            byte[] from = address(range, range.attribute("from").evaluateText(null));
            byte[] to = address(range, range.attribute("to").evaluateText(null));
            if (from.length != to.length || Arrays.compareUnsigned(from, to) > 0) {
                throw new PolicyDocumentException(range.name(), range.line(), "'from' must not come after 'to', and"
                        + " both must be IPv4 or both IPv6");
            }
            ranges.add(new AddressRange(from, to));
        }
        if (ranges.isEmpty() && addresses.isEmpty()) {
            throw new PolicyDocumentException(element.name(), element.line(), "needs at least one <address> or"
                    + " <address-range>");
        }
        return new IpFilter(Choice.compile(element, "action", IpFilter.Action.class, null), List.copyOf(ranges),
                List.copyOf(addresses));
    }

    private static byte[] address(PolicyElement element, String text) throws PolicyDocumentException {
        byte[] parsed = IpAddresses.parse(text);
        if (parsed == null) {
            throw new PolicyDocumentException(element.name(), element.line(), "'" + text + "' is not an IPv4 or"
                    + " IPv6 address (a network is written as <address-range from=\"...\" to=\"...\"/>)");
        }
        return parsed;
    }
}
