package dev.mcpgateway.gateway.startup;

import dev.mcpgateway.samples.shop.SampleShopServer;
import java.io.IOException;
import java.util.Optional;

/** The in-process sample shop API, when asked for; its URL is the {@code SAMPLES_URL} configuration variable. */
public final class SamplesRuntime implements AutoCloseable {

    public static final String URL_VARIABLE = "SAMPLES_URL";

    private volatile SampleShopServer shop;

    /** Starts the sample API once (later calls keep the running one). */
    public synchronized void start() throws IOException {
        if (shop == null) {
            shop = SampleShopServer.start(0);
        }
    }

    public Optional<String> url() {
        SampleShopServer running = shop;
        return running == null ? Optional.empty() : Optional.of(running.baseUrl().toString());
    }

    /** Configuration variables: the gateway's own first, then the environment. */
    public String variable(String name) {
        if (URL_VARIABLE.equals(name)) {
            return url().orElse(null);
        }
        return System.getenv(name);
    }

    @Override
    public void close() {
        SampleShopServer running = shop;
        if (running != null) {
            running.close();
        }
    }
}
