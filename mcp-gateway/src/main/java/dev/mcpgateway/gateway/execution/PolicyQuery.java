package dev.mcpgateway.gateway.execution;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Query parameters set by policies, replacing (or, with no values, removing) those of the same name in a URI. */
final class PolicyQuery {

    private PolicyQuery() {
    }

    static URI apply(URI uri, Map<String, List<String>> parameters) {
        List<String> kept = new ArrayList<>();
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                if (!parameters.containsKey(name)) {
                    kept.add(pair);
                }
            }
        }
        StringJoiner joined = new StringJoiner("&");
        kept.forEach(joined::add);
        parameters.forEach((name, values) -> values.forEach(value -> joined.add(encode(name) + "=" + encode(value))));
        String raw = uri.toString();
        int cut = raw.indexOf('?');
        String base = cut < 0 ? raw : raw.substring(0, cut);
        return URI.create(joined.length() == 0 ? base : base + "?" + joined);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
