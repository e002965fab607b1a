package dev.mcpgateway.auth.store;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/** Stored records as JSON: tolerant of fields added by newer versions of the gateway. */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .findAndAddModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new AuthStoreException("a " + value.getClass().getSimpleName() + " cannot be stored", e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new AuthStoreException("a stored " + type.getSimpleName() + " is unreadable", e);
        }
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
