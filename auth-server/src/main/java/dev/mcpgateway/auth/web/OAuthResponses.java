package dev.mcpgateway.auth.web;

import com.nimbusds.oauth2.sdk.ErrorObject;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders OAuth protocol answers: RFC 6749 5.2 errors as JSON with the RFC-named code and a fixed, safe description,
 * and every token-bearing body with {@code Cache-Control: no-store}.
 */
public final class OAuthResponses {

    private OAuthResponses() {
    }

    public static MutableHttpResponse<Map<String, Object>> error(ErrorObject error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.getCode());
        if (description != null) {
            body.put("error_description", description);
        }
        int status = error.getHTTPStatusCode() == 0 ? 400 : error.getHTTPStatusCode();
        return noStore(HttpResponse.<Map<String, Object>>status(io.micronaut.http.HttpStatus.valueOf(status)).body(body));
    }

    public static <T> MutableHttpResponse<T> noStore(MutableHttpResponse<T> response) {
        return response.contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache");
    }
}
