package dev.mcpgateway.samples.shop;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The sample shop API (specs/shop.yaml) on loopback, one virtual thread per request. The gateway starts it with
 * {@code --samples}; tests and benchmarks start it directly.
 */
public final class SampleShopServer implements AutoCloseable {

    /** The spec as a classpath resource, for {@code openapi: classpath:specs/shop.yaml}. */
    public static final String SPEC_RESOURCE = "specs/shop.yaml";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private SampleShopServer(HttpServer server) {
        this.server = server;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one. */
    public static SampleShopServer start(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        SampleShopServer shop = new SampleShopServer(server);
        server.setExecutor(shop.executor);
        server.createContext("/", new ShopHandler());
        server.start();
        return shop;
    }

    /** The base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    /** Runs the sample API alone: {@code java -cp ... SampleShopServer [port]}. */
    public static void main(String[] args) throws IOException {
        SampleShopServer shop = start(args.length > 0 ? Integer.parseInt(args[0]) : 8081);
        System.out.println("Sample shop API at " + shop.baseUrl());
    }
}
