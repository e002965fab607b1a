package dev.mcpgateway.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real redis-server for one test class ({@code @RegisterExtension static final RedisPerClass REDIS = new
 * RedisPerClass();}): started before its first test, emptied after each test so that tests share no state, stopped
 * after its last.
 */
public final class RedisPerClass implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

    private RedisServerFixture server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = RedisServerFixture.start();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.flushAll();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.close();
    }

    /** The Lettuce-style URI, e.g. {@code redis://127.0.0.1:6390}. */
    public String uri() {
        return server.uri();
    }
}
