package dev.mcpgateway.auth.web;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code application/x-www-form-urlencoded} bodies as a map. A parameter sent twice is dropped (RFC 6749 3.2:
 * parameters must not be repeated), so an ambiguous request fails on the "missing" check instead of picking one.
 */
public final class FormBody {

    private static final int MAX_LENGTH = 64 * 1024;

    private FormBody() {
    }

    public static Map<String, String> parse(String body) {
        Map<String, String> form = new HashMap<>();
        if (body == null || body.isEmpty() || body.length() > MAX_LENGTH) {
            return form;
        }
        Set<String> repeated = new HashSet<>();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (form.putIfAbsent(name, value) != null) {
                repeated.add(name);
            }
        }
        repeated.forEach(form::remove);
        form.values().removeIf(String::isEmpty);
        return form;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
