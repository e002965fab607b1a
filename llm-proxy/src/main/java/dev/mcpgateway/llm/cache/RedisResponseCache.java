package dev.mcpgateway.llm.cache;

import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cache in Redis, shared by every gateway instance; Redis expires entries by TTL. Values are a small
 * binary record (version, status, content type, body). Any Redis failure is logged and turned into a miss
 * or a refused store, so a failing cache never fails the request.
 */
public final class RedisResponseCache implements ResponseCache, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisResponseCache.class);
    private static final int FORMAT = 1;

    private final StatefulRedisConnection<byte[], byte[]> connection;
    private final RedisCommands<byte[], byte[]> redis;
    private final String keyPrefix;
    private final int maxEntryBytes;

    /** @param connection a binary-codec connection ({@code ByteArrayCodec}), owned by this cache */
    public RedisResponseCache(StatefulRedisConnection<byte[], byte[]> connection, String keyPrefix,
                              int maxEntryBytes) {
        this.connection = connection;
        this.redis = connection.sync();
        this.keyPrefix = keyPrefix;
        this.maxEntryBytes = maxEntryBytes;
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        try {
            byte[] value = redis.get(redisKey(key));
            return value == null ? Optional.empty() : Optional.of(decode(value));
        } catch (RuntimeException | IOException e) {
            LOG.warn("response cache lookup failed, treating as a miss: {}", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public boolean put(CacheKey key, CachedResponse response, Duration ttl) {
        if (!response.storable() || response.body().length > maxEntryBytes || ttl.toMillis() < 1) {
            return false;
        }
        try {
            redis.set(redisKey(key), encode(response), SetArgs.Builder.px(ttl.toMillis()));
            return true;
        } catch (RuntimeException | IOException e) {
            LOG.warn("response cache store failed, response not cached: {}", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Closes the connection this cache was given. */
    @Override
    public void close() {
        connection.close();
    }

    private byte[] redisKey(CacheKey key) {
        return (keyPrefix + key.value()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] encode(CachedResponse r) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            byte[] body = r.body();
            out.writeByte(FORMAT);
            out.writeShort(r.status());
            out.writeUTF(r.contentType());
            out.writeInt(body.length);
            out.write(body);
        }
        return bytes.toByteArray();
    }

    private static CachedResponse decode(byte[] value) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(value))) {
            if (in.readByte() != FORMAT) {
                throw new IOException("unknown cache entry format");
            }
            int status = in.readShort();
            String contentType = in.readUTF();
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new CachedResponse(status, contentType, body, true);
        }
    }
}
