package dev.mcpgateway.openapi.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Serialises one call's arguments into the exact request of an {@link HttpBinding}. */
final class RequestBuilder {

    private RequestBuilder() {
    }

    static HttpRequestPlan build(HttpBinding binding, Map<String, Object> arguments, BackendTarget target)
            throws InvalidArgumentsException {
        return build(binding, (ObjectNode) JsonValues.MAPPER.valueToTree(arguments == null ? Map.of() : arguments),
                target);
    }

    static HttpRequestPlan build(HttpBinding binding, ObjectNode args, BackendTarget target)
            throws InvalidArgumentsException {
        checkRequired(binding, args);

        List<String> query = new ArrayList<>();
        List<HttpHeader> headers = new ArrayList<>();
        headers.add(new HttpHeader("Accept", binding.response().accept()));
        List<String> cookies = new ArrayList<>();
        for (ParameterBinding p : binding.parameters()) {
            JsonNode value = args.get(p.argument());
            if (JsonValues.absent(value) || p.in() == ParameterLocation.PATH) {
                continue;
            }
            switch (p.in()) {
                case QUERY -> QuerySerializer.pairs(p.wireName(), p.style(), p.explode(), value,
                        p.allowReserved() ? PercentEncoder.QUERY_RESERVED : PercentEncoder.STRICT,
                        PercentEncoder.STRICT, query);
                case HEADER -> headers.add(header(p.argument(), p.wireName(), PathSerializer.header(p.explode(), value)));
                case COOKIE -> CookieSerializer.pairs(p.wireName(), p.explode(), value, cookies);
                default -> throw new IllegalStateException();
            }
        }
        for (ConstantParameter c : binding.constants()) {
            switch (c.in()) {
                case QUERY -> query.add(PercentEncoder.STRICT.encode(c.wireName()) + "="
                        + PercentEncoder.STRICT.encode(c.value()));
                case HEADER -> headers.add(new HttpHeader(c.wireName(), c.value()));
                case COOKIE -> CookieSerializer.pairs(c.wireName(), false, TextNode.valueOf(c.value()), cookies);
                case PATH -> { }
            }
        }
        if (!cookies.isEmpty()) {
            headers.add(new HttpHeader("Cookie", String.join("; ", cookies)));
        }

        String base = ServerUrl.resolve(binding.server(), target);
        StringBuilder uri = new StringBuilder(base).append(path(binding, args));
        if (!query.isEmpty()) {
            uri.append(base.indexOf('?') >= 0 ? '&' : '?').append(String.join("&", query));
        }
        EncodedBody body = binding.body().isPresent() ? BodyEncoder.encode(binding.body().get(), args) : null;
        return new HttpRequestPlan(binding.method(), URI.create(uri.toString()), headers,
                body == null ? null : body.bytes(), body == null ? null : body.contentType());
    }

    private static void checkRequired(HttpBinding binding, ObjectNode args) throws InvalidArgumentsException {
        List<String> problems = new ArrayList<>();
        for (ParameterBinding p : binding.parameters()) {
            if (p.required() && JsonValues.absent(args.get(p.argument()))) {
                problems.add(p.argument() + ": is required");
            }
        }
        binding.body().ifPresent(b -> {
            if (b.shape() == BodyShape.WHOLE && b.required() && JsonValues.absent(args.get(b.wholeArgument()))) {
                problems.add(b.wholeArgument() + ": is required");
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidArgumentsException(problems);
        }
    }

    private static String path(HttpBinding binding, ObjectNode args) throws InvalidArgumentsException {
        Matcher matcher = PathTemplate.PLACEHOLDER.matcher(binding.pathTemplate());
        StringBuilder out = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            out.append(literal(binding.pathTemplate().substring(last, matcher.start())));
            out.append(placeholder(binding, matcher.group(1), args));
            last = matcher.end();
        }
        out.append(literal(binding.pathTemplate().substring(last)));
        return out.toString();
    }

    private static String placeholder(HttpBinding binding, String wireName, ObjectNode args)
            throws InvalidArgumentsException {
        for (ParameterBinding p : binding.parameters()) {
            if (p.in() == ParameterLocation.PATH && p.wireName().equals(wireName)) {
                JsonNode value = args.get(p.argument());
                PathGuard.check(p.argument(), value);
                return PathSerializer.path(p.wireName(), p.style(), p.explode(), value);
            }
        }
        for (ConstantParameter c : binding.constants()) {
            if (c.in() == ParameterLocation.PATH && c.wireName().equals(wireName)) {
                return PercentEncoder.STRICT.encode(c.value());
            }
        }
        throw new IllegalStateException("checked by PathTemplate");
    }

    /** Template text from the spec: keep '/' and RFC 3986 pchars, encode what a URI cannot carry (spaces, unicode). */
    private static String literal(String text) {
        List<String> segments = new ArrayList<>();
        for (String segment : text.split("/", -1)) {
            segments.add(PercentEncoder.PATH_LITERAL.encode(segment));
        }
        return String.join("/", segments);
    }

    private static HttpHeader header(String argument, String name, String value) throws InvalidArgumentsException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F || c > 0xFF) {
                throw InvalidArgumentsException.of(argument,
                        "header values must be single-line Latin-1 text");
            }
        }
        return new HttpHeader(name, value);
    }
}
