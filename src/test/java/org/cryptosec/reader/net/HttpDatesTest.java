package org.cryptosec.reader.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpDatesTest {

    static final Instant NOW = Instant.parse("1994-11-06T08:49:37Z");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Sun, 06 Nov 1994 08:49:37 GMT   | 1994-11-06T08:49:37Z",
        "Sunday, 06-Nov-94 08:49:37 GMT  | 1994-11-06T08:49:37Z",
        "Sun Nov  6 08:49:37 1994        | 1994-11-06T08:49:37Z",
        "yesterday                       | ",
        "0                               | ",
        "Sun, 36 Nov 1994 08:49:37 GMT   | ",
    })
    void readsTheThreeHttpDateFormsAndNothingElse(String value, String expected) {
        assertEquals(expected == null ? null : Instant.parse(expected), HttpDates.parse(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Cache-Control | max-age=3600                    | 3600",
        "Cache-Control | public, MAX-AGE=\"120\", must-revalidate | 120",
        "Cache-Control | no-store                        | 0",
        "Cache-Control | max-age=99999999999             | 2592000",
        "Cache-Control | private                         | ",
        "Expires       | Sun, 06 Nov 1994 10:49:37 GMT   | 7200",
        "Expires       | Sat, 05 Nov 1994 10:49:37 GMT   | 0",
        "Expires       | 0                               | 0",
        "ETag          | \"x\"                           | ",
    })
    void freshnessComesFromMaxAgeElseExpires(String header, String value, Long seconds) {
        Duration d = HttpDates.freshness(Map.of(header.toLowerCase(), List.of(value)), NOW);
        assertEquals(seconds == null ? null : Duration.ofSeconds(seconds), d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "120                           | 120",
        "Sun, 06 Nov 1994 09:49:37 GMT | 3600",
        "Sat, 05 Nov 1994 09:49:37 GMT | 0",
        "soon                          | ",
        "-5                            | ",
    })
    void retryAfterIsSecondsOrADate(String value, Long seconds) {
        Duration d = HttpDates.retryAfter(Map.of("retry-after", List.of(value)), NOW);
        assertEquals(seconds == null ? null : Duration.ofSeconds(seconds), d);
    }

    @org.junit.jupiter.api.Test
    void noHeadersMeanNoHints() {
        assertNull(HttpDates.freshness(Map.of(), NOW));
        assertNull(HttpDates.retryAfter(null, NOW));
    }
}
