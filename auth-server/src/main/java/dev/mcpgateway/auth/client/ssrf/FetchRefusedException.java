package dev.mcpgateway.auth.client.ssrf;

import java.io.IOException;

/**
 * A guarded fetch refused to go on. The message names the rule ("the host resolves to a loopback address", "more
 * than 5 redirects") and nothing that was read, so it may be shown to whoever asked for the fetch.
 */
public final class FetchRefusedException extends IOException {

    public FetchRefusedException(String rule) {
        super(rule);
    }
}
