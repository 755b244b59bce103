package org.cryptosec.reader.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;

/** Parses the date formats pages put in metadata. Dates without a zone are taken as UTC. */
final class Dates {

    private static final DateTimeFormatter ISO_LENIENT = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private static final List<DateTimeFormatter> OTHERS = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss zzz", Locale.ENGLISH),
            DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT),
            DateTimeFormatter.ofPattern("yyyy/MM/dd", Locale.ROOT));

    private static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

    private Dates() {
    }

    /** The instant a date string names, or null when it is not a plausible date. */
    static Instant parse(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.length() < 8 || s.length() > 64) {
            return null;
        }
        Instant t = parseIso(s);
        if (t == null) {
            t = otherForms(s);
        }
        return plausible(t) ? t : null;
    }

    /** The instant of a trimmed text in one of the {@link #OTHERS} formats, else (short texts) as a written date. */
    private static Instant otherForms(String s) {
        for (DateTimeFormatter f : OTHERS) {
            Instant t = tryParse(s, f);
            if (t != null) {
                return t;
            }
        }
        // "03.11.2021, 14:05:10", "2021-11-03T09:15:00:123Z", "12 juin 2020"
        return s.length() <= 40 ? VisibleDates.firstDate(s) : null;
    }

    /** Neither before 1990 nor more than three years ahead. */
    private static boolean plausible(Instant t) {
        return t != null && !t.isBefore(EARLIEST) && !t.isAfter(Instant.now().plusSeconds(3L * 86400 * 365));
    }

    /** An instant and the calendar day it was written on (null when the text gives none of its own). */
    record Dated(Instant at, LocalDate day) {
    }

    /**
     * As {@link #parse}, with the calendar day the text names in its own zone (the written date); an ISO date is read
     * once. Null when the text is not a plausible date.
     */
    static Dated parseDated(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.length() < 8 || s.length() > 64) {
            return null;
        }
        if (!looksIso(s)) {
            return otherFormsDated(s);
        }
        Dated plain = plainIso(s);
        if (plain != null) {
            return plausible(plain.at()) ? plain : null;
        }
        java.time.temporal.TemporalAccessor parsed;
        LocalDate day;
        try {
            parsed = ISO_LENIENT.parse(s);
            day = LocalDate.from(parsed);
        } catch (java.time.DateTimeException e) {
            parsed = null;
            day = null;
        }
        Instant t = parsed == null ? null : isoInstant(parsed, day);
        if (t == null) {
            t = otherForms(s);
        }
        return plausible(t) ? new Dated(t, day) : null;
    }

    /**
     * As {@link #otherForms} with the calendar day the text names in its own zone (the written date), read in the same
     * parse; null when the text is no plausible date.
     */
    private static Dated otherFormsDated(String s) {
        for (DateTimeFormatter f : OTHERS) {
            java.time.temporal.TemporalAccessor parsed;
            try {
                parsed = f.parseBest(s, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            } catch (java.time.DateTimeException e) {
                continue; // next format
            }
            if (parsed instanceof ZonedDateTime z) {
                return plausibleDated(z.toInstant(), z.toLocalDate());
            }
            if (parsed instanceof LocalDateTime l) {
                return plausibleDated(l.toInstant(ZoneOffset.UTC), l.toLocalDate());
            }
            if (parsed instanceof LocalDate d) {
                return plausibleDated(d.atStartOfDay().toInstant(ZoneOffset.UTC), d);
            }
        }
        // "03.11.2021, 14:05:10", "12 juin 2020": a written date, on its own day
        Instant shown = s.length() <= 40 ? VisibleDates.firstDate(s) : null;
        return shown == null ? null : plausibleDated(shown, shown.atOffset(ZoneOffset.UTC).toLocalDate());
    }

    private static Dated plausibleDated(Instant t, LocalDate day) {
        return plausible(t) ? new Dated(t, day) : null;
    }

    /** Whether a trimmed text of 8 or more characters starts like an ISO date ("2021-11-03..."). */
    private static boolean looksIso(String s) {
        return Character.isDigit(s.charAt(0)) && s.length() >= 10 && s.charAt(4) == '-';
    }

    private static Instant parseIso(String s) {
        if (!looksIso(s)) {
            return null;
        }
        Dated plain = plainIso(s);
        if (plain != null) {
            return plain.at();
        }
        try {
            var parsed = ISO_LENIENT.parse(s);
            return isoInstant(parsed, LocalDate.from(parsed));
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /**
     * The instant and day of a trimmed text in the plain ISO forms metadata mostly holds ("2021-04-03",
     * "2021-04-03T09:15", with seconds, a fraction and "Z" or an offset "+02:00"), read by hand as {@link #ISO_LENIENT}
     * reads them (the time without its fraction, UTC without an offset); null for any other text or any field out of
     * range, which the formatter then reads.
     */
    static Dated plainIso(String s) {
        int n = s.length();
        if (n < 10 || !digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 7) || s.charAt(7) != '-' || !digits(s, 8, 10)) {
            return null;
        }
        try {
            LocalDate day = LocalDate.of(number(s, 0, 4), number(s, 5, 7), number(s, 8, 10));
            if (n == 10) {
                return new Dated(day.atStartOfDay().toInstant(ZoneOffset.UTC), day);
            }
            if (n < 16 || s.charAt(10) != 'T' || !digits(s, 11, 13) || s.charAt(13) != ':' || !digits(s, 14, 16)) {
                return null;
            }
            int at = 16;
            int second = 0;
            if (at < n && s.charAt(at) == ':') {
                if (at + 3 > n || !digits(s, at + 1, at + 3)) {
                    return null;
                }
                second = number(s, at + 1, at + 3);
                at += 3;
                if (at < n && s.charAt(at) == '.') {
                    int end = at + 1;
                    while (end < n && end - at <= 9 && isDigit(s.charAt(end))) {
                        end++;
                    }
                    if (end == at + 1 || end < n && isDigit(s.charAt(end))) {
                        return null; // no digit, or more than nine
                    }
                    at = end;
                }
            }
            ZoneOffset offset;
            if (at == n) {
                offset = ZoneOffset.UTC;
            } else if (at + 1 == n && s.charAt(at) == 'Z') {
                offset = ZoneOffset.UTC;
            } else if (at + 6 == n && (s.charAt(at) == '+' || s.charAt(at) == '-') && digits(s, at + 1, at + 3)
                    && s.charAt(at + 3) == ':' && digits(s, at + 4, at + 6)) {
                int hours = number(s, at + 1, at + 3);
                int minutes = number(s, at + 4, at + 6);
                offset = s.charAt(at) == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
            } else {
                return null;
            }
            LocalDateTime time = LocalDateTime.of(day, java.time.LocalTime.of(number(s, 11, 13), number(s, 14, 16), second));
            return new Dated(OffsetDateTime.of(time, offset).toInstant(), day);
        } catch (java.time.DateTimeException e) {
            return null; // a field out of range: the formatter decides
        }
    }

    private static boolean digits(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int number(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** The instant of an ISO date parsed as {@code parsed} on day {@code date}; null when its time is no real time. */
    private static Instant isoInstant(java.time.temporal.TemporalAccessor parsed, LocalDate date) {
        try {
            LocalDateTime ldt = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDateTime.of(date,
                    java.time.LocalTime.of(parsed.get(ChronoField.HOUR_OF_DAY), parsed.get(ChronoField.MINUTE_OF_HOUR),
                            parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0))
                    : date.atStartOfDay();
            ZoneOffset offset = parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)) : ZoneOffset.UTC;
            return OffsetDateTime.of(ldt, offset).toInstant();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static Instant tryParse(String s, DateTimeFormatter f) {
        try {
            var parsed = f.parseBest(s, ZonedDateTime::from, LocalDateTime::from, LocalDate::from);
            if (parsed instanceof ZonedDateTime z) {
                return z.toInstant();
            }
            if (parsed instanceof LocalDateTime l) {
                return l.toInstant(ZoneOffset.UTC);
            }
            if (parsed instanceof LocalDate d) {
                return d.atStartOfDay().toInstant(ZoneOffset.UTC);
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
