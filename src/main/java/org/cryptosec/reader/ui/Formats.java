package org.cryptosec.reader.ui;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/** How dates and bylines read in the window. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.ENGLISH);

    private final Clock clock;

    public Formats(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public static Formats system() {
        return new Formats(Clock.systemDefaultZone());
    }

    /** Short date for a list row: the time today, the day this year, else day and year. */
    public String shortDate(Instant instant) {
        if (instant == null) {
            return "";
        }
        ZoneId zone = clock.getZone();
        ZonedDateTime when = instant.atZone(zone);
        LocalDate today = LocalDate.now(clock);
        if (when.toLocalDate().equals(today)) {
            return TIME.format(when);
        }
        if (when.getYear() == today.getYear()) {
            return DAY.format(when);
        }
        return DAY_YEAR.format(when);
    }

    /** Long date for the reader header. */
    public String longDate(Instant instant) {
        return instant == null ? "" : FULL.format(instant.atZone(clock.getZone()));
    }

    /** "Source · Author, Author · date", leaving out the empty parts. */
    public String byline(String source, List<String> authors, Instant published) {
        String names = authors == null ? "" : authors.stream().filter(a -> a != null && !a.isBlank())
                .map(String::strip).collect(Collectors.joining(", "));
        return List.of(source == null ? "" : source.strip(), names, shortDate(published)).stream()
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" \u00b7 "));
    }
}
