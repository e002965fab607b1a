package dev.mcpgateway.auth.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.net.URI;

/** Interactive responses: pages that cannot be framed or cached, and redirects that carry no referrer. */
public final class HtmlResponses {

    // no form-action: after the consent POST the browser is redirected to the IdP, which form-action would block
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; "
            + "base-uri 'none'";

    private HtmlResponses() {
    }

    public static MutableHttpResponse<String> page(HttpStatus status, String html) {
        return secure(HttpResponse.<String>status(status).body(html).contentType(MediaType.TEXT_HTML_TYPE));
    }

    public static MutableHttpResponse<String> redirect(URI location) {
        return secure(HttpResponse.<String>status(HttpStatus.FOUND).header("Location", location.toString()));
    }

    private static MutableHttpResponse<String> secure(MutableHttpResponse<String> response) {
        return response.header("Content-Security-Policy", CSP)
                .header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff")
                // not no-referrer: that makes browsers send "Origin: null" on the consent POST, which servers on
                // localhost reject as a drive-by request; same-origin still keeps our URLs from other sites
                .header("Referrer-Policy", "same-origin")
                .header("Cache-Control", "no-store");
    }
}
