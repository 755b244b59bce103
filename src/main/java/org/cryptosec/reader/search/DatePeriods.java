package org.cryptosec.reader.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as the query language writes them: a year ({@code 2022}), a month ({@code 2022-03}) or a
 * day ({@code 2022-03-05}; "/" and "." separate too), each standing for the whole period in UTC.
 */
final class DatePeriods {

    /** [start, end) in epoch milliseconds. */
    record Period(long start, long end) {
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})(?:[-/.](\\d{1,2})(?:[-/.](\\d{1,2}))?)?");
    static final int MIN_YEAR = 1970;
    static final int MAX_YEAR = 2200;

    private DatePeriods() {
    }

    /**
     * The period {@code text} names.
     *
     * @throws IllegalArgumentException with a message for the user when it is not a date
     */
    static Period parse(String text) {
        String t = text == null ? "" : text.strip();
        Matcher m = DATE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + t + "' is not a date: use 2022, 2022-03 or 2022-03-05");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside " + MIN_YEAR + ".." + MAX_YEAR);
        }
        try {
            if (m.group(2) == null) {
                LocalDate from = LocalDate.of(year, 1, 1);
                return period(from, from.plusYears(1));
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                LocalDate from = LocalDate.of(year, month, 1);
                return period(from, from.plusMonths(1));
            }
            LocalDate from = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            return period(from, from.plusDays(1));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + t + "' is not a valid date: " + e.getMessage(), e);
        }
    }

    private static Period period(LocalDate from, LocalDate to) {
        return new Period(millis(from), millis(to));
    }

    static long millis(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
