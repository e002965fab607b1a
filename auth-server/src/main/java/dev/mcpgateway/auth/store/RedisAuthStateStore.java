package dev.mcpgateway.auth.store;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** The store on Redis, shared by every gateway instance; keys are {@code mcpgw:auth:<namespace>:<sha256(key)>}. */
public final class RedisAuthStateStore implements AuthStateStore {

    // GET and DEL in one script: atomic on the server, and works on Redis versions without GETDEL
    private static final String TAKE = "local v = redis.call('GET', KEYS[1]) "
            + "if v then redis.call('DEL', KEYS[1]) end return v";

    private final RedisCommands<String, String> redis;

    public RedisAuthStateStore(StatefulRedisConnection<String, String> connection) {
        this.redis = connection.sync();
    }

    private static <T> T guarded(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (RedisException e) {
            throw new AuthStoreException("auth store: Redis command failed", e);
        }
    }

    @Override
    public void put(String namespace, String key, String value, Duration ttl) {
        guarded(() -> ttl == null
                ? redis.set(redisKey(namespace, key), value)
                : redis.set(redisKey(namespace, key), value, SetArgs.Builder.px(Math.max(1, ttl.toMillis()))));
    }

    @Override
    public Optional<String> get(String namespace, String key) {
        return Optional.ofNullable(guarded(() -> redis.get(redisKey(namespace, key))));
    }

    @Override
    public Optional<String> take(String namespace, String key) {
        String value = guarded(() -> redis.eval(TAKE, ScriptOutputType.VALUE, redisKey(namespace, key)));
        return Optional.ofNullable(value);
    }

    @Override
    public void delete(String namespace, String key) {
        guarded(() -> redis.del(redisKey(namespace, key)));
    }

    @Override
    public List<String> values(String namespace) {
        List<String> values = new ArrayList<>();
        scan(namespace, (key, value) -> values.add(value));
        return values;
    }

    @Override
    public int removeIf(String namespace, Predicate<String> matches) {
        List<String> doomed = new ArrayList<>();
        scan(namespace, (key, value) -> {
            if (matches.test(value)) {
                doomed.add(key);
            }
        });
        if (!doomed.isEmpty()) {
            guarded(() -> redis.del(doomed.toArray(String[]::new)));
        }
        return doomed.size();
    }

    /** SCAN (never KEYS: it would block Redis for every other instance) over the namespace, then MGET per page. */
    private void scan(String namespace, java.util.function.BiConsumer<String, String> each) {
        ScanArgs args = ScanArgs.Builder.matches("mcpgw:auth:" + namespace + ":*").limit(500);
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            ScanCursor from = cursor;
            KeyScanCursor<String> page = guarded(() -> redis.scan(from, args));
            if (!page.getKeys().isEmpty()) {
                for (KeyValue<String, String> kv : guarded(() -> redis.mget(page.getKeys().toArray(String[]::new)))) {
                    if (kv.hasValue()) {
                        each.accept(kv.getKey(), kv.getValue());
                    }
                }
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    private static String redisKey(String namespace, String key) {
        return "mcpgw:auth:" + namespace + ":" + Hashing.sha256Hex(key);
    }
}
