package dev.mcpgateway.llm.limit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock the test moves by hand, so window boundaries are crossed deterministically. */
final class MutableClock extends Clock {

    private volatile Instant now;

    MutableClock(String isoInstant) {
        this.now = Instant.parse(isoInstant);
    }

    void set(String isoInstant) {
        now = Instant.parse(isoInstant);
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC only");
    }
}
