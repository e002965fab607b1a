package dev.mcpgateway.llm.limit;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * {@code token-quota-period}: fixed windows that start at the UTC-truncated boundary (top of the hour,
 * midnight, Monday midnight, the 1st of the month, January 1st), as APIM defines them.
 */
public enum QuotaPeriod {
    HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY;

    /** Parses APIM's spelling ({@code Hourly}, {@code Daily}, ...), case-insensitively. */
    public static QuotaPeriod parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("token-quota-period must be one of Hourly, Daily, Weekly, Monthly,"
                    + " Yearly, not '" + value + "'");
        }
    }

    /** The start of the window containing {@code now}. */
    public Instant windowStart(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        ZonedDateTime start = switch (this) {
            case HOURLY -> t.truncatedTo(ChronoUnit.HOURS);
            case DAILY -> t.truncatedTo(ChronoUnit.DAYS);
            case WEEKLY -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case YEARLY -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
        };
        return start.toInstant();
    }

    /** The first instant after the window containing {@code now}. */
    public Instant windowEnd(Instant now) {
        ZonedDateTime start = windowStart(now).atZone(ZoneOffset.UTC);
        ZonedDateTime end = switch (this) {
            case HOURLY -> start.plusHours(1);
            case DAILY -> start.plusDays(1);
            case WEEKLY -> start.plusWeeks(1);
            case MONTHLY -> start.plusMonths(1);
            case YEARLY -> start.plusYears(1);
        };
        return end.toInstant();
    }

    /** APIM's spelling, e.g. {@code Daily}. */
    public String apimName() {
        String n = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
    }
}
