package org.cryptosec.reader.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    private final Formats formats = new Formats(Clock.fixed(Instant.parse("2025-03-14T15:00:00Z"), ZoneId.of("Europe/Amsterdam")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2025-03-14T08:05:00Z, 09:05",
        "2025-03-13T23:30:00Z, 00:30",
        "2025-03-13T22:30:00Z, 13 Mar",
        "2025-01-02T10:00:00Z, 2 Jan",
        "2024-12-31T10:00:00Z, 31 Dec 2024",
    })
    void shortDateShowsTimeTodayDayThisYearElseYear(String instant, String expected) {
        assertEquals(expected, formats.shortDate(Instant.parse(instant)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Crypto Insiders | Timo Bult          | Crypto Insiders · Timo Bult · 09:05",
        "Crypto Insiders | ''                 | Crypto Insiders · 09:05",
        "''              | Timo Bult;Ann Lee  | Timo Bult, Ann Lee · 09:05",
    })
    void bylineLeavesOutEmptyParts(String source, String authors, String expected) {
        List<String> names = authors.isEmpty() ? List.of() : List.of(authors.split(";"));
        assertEquals(expected, formats.byline(source, names, Instant.parse("2025-03-14T08:05:00Z")));
    }

    @org.junit.jupiter.api.Test
    void missingDateIsEmpty() {
        assertEquals("", formats.shortDate(null));
        assertEquals("", formats.longDate(null));
        assertEquals("Source", formats.byline("Source", null, null));
        assertEquals("Friday 14 March 2025, 09:05", formats.longDate(Instant.parse("2025-03-14T08:05:00Z")));
    }
}
