package dev.mcpgateway.gateway.policy.access;

import java.util.Arrays;

/** A range of addresses of one family, both ends included; a single address is a range of one. */
record AddressRange(byte[] from, byte[] to) {

    boolean contains(byte[] address) {
        return address.length == from.length && Arrays.compareUnsigned(from, address) <= 0
                && Arrays.compareUnsigned(address, to) <= 0;
    }
}
