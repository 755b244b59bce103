package org.cryptosec.reader.net;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the caching and retry headers of an answer (RFC 9111 / RFC 9110), tolerant of what servers send. */
public final class HttpDates {

    /** A server's wish larger than this is treated as this (a typo of a year must not silence a feed). */
    static final Duration MAX_HINT = Duration.ofDays(30);

    /** RFC 850 (obsolete): two-digit years read as 1970..2069. */
    private static final DateTimeFormatter RFC_850 = new java.time.format.DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("EEEE, dd-MMM-")
            .appendValueReduced(java.time.temporal.ChronoField.YEAR, 2, 2, 1970)
            .appendPattern(" HH:mm:ss").appendLiteral(" GMT").toFormatter(Locale.US);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy", Locale.US);

    private HttpDates() {
    }

    /** An HTTP-date (IMF-fixdate, RFC 850 or asctime), or null when it is none of them. */
    public static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return java.time.LocalDateTime.parse(v, RFC_850).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return java.time.LocalDateTime.parse(v.replaceAll("\\s+", " "), ASCTIME).toInstant(java.time.ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * How long the answer may be reused: Cache-Control max-age, else Expires minus Date (or minus
     * {@code now} without Date). Null when the headers say nothing usable; zero for no-store/no-cache or
     * an Expires in the past.
     */
    public static Duration freshness(Map<String, List<String>> headers, Instant now) {
        String cacheControl = header(headers, "Cache-Control");
        if (cacheControl != null) {
            Duration maxAge = null;
            for (String directive : cacheControl.split(",")) {
                String d = directive.trim().toLowerCase(Locale.ROOT);
                if (d.equals("no-store") || d.equals("no-cache")) {
                    return Duration.ZERO;
                }
                if (d.startsWith("max-age=")) {
                    maxAge = seconds(d.substring("max-age=".length()));
                }
            }
            if (maxAge != null) {
                return maxAge;
            }
        }
        Instant expires = parse(header(headers, "Expires"));
        if (header(headers, "Expires") != null && expires == null) {
            return Duration.ZERO; // RFC 9111: an invalid Expires means already expired
        }
        if (expires != null) {
            Instant date = parse(header(headers, "Date"));
            Duration d = Duration.between(date != null ? date : now, expires);
            return clamp(d);
        }
        return null;
    }

    /** Retry-After as delay-seconds or an HTTP-date, from {@code now}; null when absent or unreadable. */
    public static Duration retryAfter(Map<String, List<String>> headers, Instant now) {
        String value = header(headers, "Retry-After");
        if (value == null) {
            return null;
        }
        Duration seconds = seconds(value);
        if (seconds != null) {
            return seconds;
        }
        Instant at = parse(value);
        return at == null ? null : clamp(Duration.between(now, at));
    }

    private static Duration seconds(String value) {
        String v = value.trim();
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2) {
            v = v.substring(1, v.length() - 1);
        }
        if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return clamp(Duration.ofSeconds(Long.parseLong(v)));
    }

    private static Duration clamp(Duration d) {
        if (d.isNegative()) {
            return Duration.ZERO;
        }
        return d.compareTo(MAX_HINT) > 0 ? MAX_HINT : d;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
                return String.join(", ", e.getValue());
            }
        }
        return null;
    }
}
