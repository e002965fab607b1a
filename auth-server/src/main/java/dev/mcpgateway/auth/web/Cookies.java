package dev.mcpgateway.auth.web;

import io.micronaut.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

/** The request's cookies by name, read from the raw header so {@code __Host-} names survive untouched. */
public final class Cookies {

    private Cookies() {
    }

    public static Map<String, String> of(HttpRequest<?> request) {
        Map<String, String> cookies = new HashMap<>();
        for (String header : request.getHeaders().getAll("Cookie")) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.putIfAbsent(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return cookies;
    }
}
