package dev.mcpgateway.auth.upstream;

import dev.mcpgateway.auth.consent.Pages;
import dev.mcpgateway.auth.web.HtmlResponses;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The page shown when the identity provider cannot be reached: the cause is logged, never shown. */
public final class UpstreamUnavailable {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamUnavailable.class);

    private UpstreamUnavailable() {
    }

    public static HttpResponse<String> page(String product, UpstreamLoginException e) {
        LOG.warn("{}", e.getMessage(), e.getCause());
        return HtmlResponses.page(HttpStatus.BAD_GATEWAY,
                Pages.error(product, "The identity provider cannot be reached right now. Try again in a minute."));
    }
}
