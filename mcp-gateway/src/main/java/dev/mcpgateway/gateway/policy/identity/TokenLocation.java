package dev.mcpgateway.gateway.policy.identity;

import dev.mcpgateway.gateway.policy.engine.PolicyCall;
import dev.mcpgateway.gateway.policy.expression.Expression;
import dev.mcpgateway.gateway.policy.xml.PolicyDocumentException;
import dev.mcpgateway.gateway.policy.xml.PolicyElement;

/**
 * Where a validating policy reads the token: a header ({@code header-name}, by default {@code Authorization}), a
 * query parameter ({@code query-parameter-name}) or an expression ({@code token-value}), which give the token as it
 * is, without a scheme.
 */
sealed interface TokenLocation {

    /** The token the call carries there, or null when it carries none. */
    String token(PolicyCall call);

    static TokenLocation compile(PolicyElement element) throws PolicyDocumentException {
        Expression header = element.attribute("header-name");
        Expression query = element.attribute("query-parameter-name");
        Expression value = element.attribute("token-value");
        int written = (header == null ? 0 : 1) + (query == null ? 0 : 1) + (value == null ? 0 : 1);
        if (written > 1) {
            throw new PolicyDocumentException(element.name(), element.line(), "write only one of 'header-name',"
                    + " 'query-parameter-name' and 'token-value'");
        }
        if (query != null) {
            return new QueryParameter(query);
        }
        if (value != null) {
            return new Value(value);
        }
        return new Header(header == null ? Expression.constant(Header.AUTHORIZATION) : header,
                element.attribute("require-scheme"));
    }

    /**
     * A header. In {@code Authorization} the token follows a scheme: {@code require-scheme}'s when it is written (a
     * value without it carries no token), otherwise an optional {@code Bearer}. In any other header the value is the
     * token and {@code require-scheme} is ignored, as APIM does.
     */
    record Header(Expression name, Expression scheme) implements TokenLocation {

        static final String AUTHORIZATION = "Authorization";
        private static final String BEARER = "Bearer";

        @Override
        public String token(PolicyCall call) {
            String header = name.evaluateText(call);
            String value = header == null ? null : call.header(header);
            if (value == null || !AUTHORIZATION.equalsIgnoreCase(header.strip())) {
                return value;
            }
            String required = scheme == null ? null : scheme.evaluateText(call);
            boolean schemeRequired = required != null && !required.isBlank();
            String prefix = (schemeRequired ? required.strip() : BEARER) + " ";
            String carried = value.strip();
            if (carried.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return carried.substring(prefix.length()).strip();
            }
            return schemeRequired ? null : carried;
        }
    }

    record QueryParameter(Expression name) implements TokenLocation {
        @Override
        public String token(PolicyCall call) {
            String parameter = name.evaluateText(call);
            return parameter == null ? null : call.queryParameter(parameter);
        }
    }

    record Value(Expression value) implements TokenLocation {
        @Override
        public String token(PolicyCall call) {
            return value.evaluateText(call);
        }
    }
}
