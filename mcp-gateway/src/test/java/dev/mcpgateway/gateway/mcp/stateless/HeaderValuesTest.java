package dev.mcpgateway.gateway.mcp.stateless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void decodesTheBase64SentinelForm() {
        assertEquals(Optional.of("Hello, 世界"), HeaderValues.decode("=?base64?SGVsbG8sIOS4lueVjA==?="));
        assertEquals(Optional.of(" padded "), HeaderValues.decode("=?base64?IHBhZGRlZCA=?="));
        assertEquals(Optional.of("us-west1"), HeaderValues.decode("us-west1"));
    }

    @Test
    void refusesMalformedValues() {
        assertTrue(HeaderValues.decode("=?base64?***?=").isEmpty());
        assertTrue(HeaderValues.decode("bad\u0001value").isEmpty());
    }

    @Test
    void comparesIntegersNumericallyAndBooleansAsLowerCase() {
        assertTrue(HeaderValues.matches("42", 42));
        assertTrue(HeaderValues.matches("42.0", 42L));
        assertFalse(HeaderValues.matches("43", 42));
        assertTrue(HeaderValues.matches("true", Boolean.TRUE));
        assertFalse(HeaderValues.matches("True", Boolean.TRUE));
    }
}
