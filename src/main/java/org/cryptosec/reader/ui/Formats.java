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

    private final DateTimeFormatter time;
    private final DateTimeFormatter day;
    private final DateTimeFormatter dayYear;
    private final DateTimeFormatter full;
    private final Clock clock;

    /** English dates. */
    public Formats(Clock clock) {
        this(clock, Locale.ENGLISH);
    }

    /** Dates in this language (month and day names). */
    public Formats(Clock clock, Locale locale) {
        this.clock = Objects.requireNonNull(clock, "clock");
        Locale l = locale == null || locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
        time = DateTimeFormatter.ofPattern("HH:mm", l);
        day = DateTimeFormatter.ofPattern("d MMM", l);
        dayYear = DateTimeFormatter.ofPattern("d MMM yyyy", l);
        full = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", l);
    }

    /** The system clock, in the language of the window's texts. */
    public static Formats system() {
        return new Formats(Clock.systemDefaultZone(), Messages.locale());
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
            return time.format(when);
        }
        if (when.getYear() == today.getYear()) {
            return day.format(when);
        }
        return dayYear.format(when);
    }

    /** Long date for the reader header. */
    public String longDate(Instant instant) {
        return instant == null ? "" : full.format(instant.atZone(clock.getZone()));
    }

    /** "Source · Author, Author · date", leaving out the empty parts. */
    public String byline(String source, List<String> authors, Instant published) {
        String names = authors == null ? "" : authors.stream().filter(a -> a != null && !a.isBlank())
                .map(String::strip).collect(Collectors.joining(", "));
        return List.of(source == null ? "" : source.strip(), names, shortDate(published)).stream()
                .filter(s -> !s.isEmpty()).collect(Collectors.joining(" \u00b7 "));
    }
}
