package dev.mcpgateway.gateway.policy.access;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class IpAddressesTest {

    @Test
    void readsDottedQuadsAndIpv6Literals() {
        assertArrayEquals(new byte[] {10, 0, 0, (byte) 255}, IpAddresses.parse(" 10.0.0.255 "));
        assertEquals(16, IpAddresses.parse("2001:db8::1").length);
        assertEquals(16, IpAddresses.parse("::").length);
    }

    @Test
    void readsAnIpv4MappedIpv6AddressAsIpv4() {
        assertArrayEquals(new byte[] {(byte) 192, 0, 2, 1}, IpAddresses.parse("::ffff:192.0.2.1"));
    }

    @Test
    void refusesWhatIsNoAddressWithoutResolvingIt() {
        for (String text : new String[] {null, "", "localhost", "example.com", "256.1.1.1", "1.2.3", "01.2.3.4",
                "1.2.3.4.5", "10.0.0.0/8", "fe80::1%eth0", "[::1]", "::g", "1:2:3:4:5:6:7:8:9", ".1:2"}) {
            assertNull(IpAddresses.parse(text), text);
        }
    }
}
