package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PublishedDayTest {

    private static final String PROSE = "<p>" + "The exploit drained the lending pool in a single transaction, and the team paused"
            + " the contracts within the hour, according to the post-mortem published later that week. ".repeat(6) + "</p>";

    private final ArticleExtractor extractor = new ArticleExtractor();

    @Test
    void publishedDayIsTheDateAsWrittenWhileTheInstantIsExact() {
        String html = "<html><head><title>Pool drained</title>"
                + "<meta property='article:published_time' content='2020-02-17T21:00:00-05:00'></head>"
                + "<body><article><h1>Pool drained</h1>" + PROSE + "</article></body></html>";
        Extraction e = extractor.extractDetailed(html, "https://news.example/story");
        assertEquals(Instant.parse("2020-02-18T02:00:00Z"), e.article().published());
        assertEquals(LocalDate.of(2020, 2, 17), e.publishedDay());
    }

    @Test
    void aUtcTimestampOneDayPastTheUrlDateKeepsTheUrlDay() {
        String html = "<html><head><title>Pool drained</title>"
                + "<meta property='article:published_time' content='2020-02-25T01:30:00Z'></head>"
                + "<body><article><h1>Pool drained</h1>" + PROSE + "</article></body></html>";
        Extraction e = extractor.extractDetailed(html, "https://news.example/2020/02/24/pool-drained/");
        assertEquals(Instant.parse("2020-02-25T01:30:00Z"), e.article().published());
        assertEquals(LocalDate.of(2020, 2, 24), e.publishedDay());
        // further apart, the metadata wins: the URL date may be a folder, not the day
        Extraction far = extractor.extractDetailed(html, "https://news.example/2019/10/22/pool-drained/");
        assertEquals(LocalDate.of(2020, 2, 25), far.publishedDay());
    }

    @Test
    void withoutMetadataTheDateInTheUrlIsUsed() {
        String html = "<html><head><title>Pool drained</title></head><body><article><h1>Pool drained</h1>" + PROSE
                + "</article></body></html>";
        Extraction e = extractor.extractDetailed(html, "https://news.example/2019/10/22/pool-drained/");
        assertEquals(Instant.parse("2019-10-22T00:00:00Z"), e.article().published());
        assertEquals(LocalDate.of(2019, 10, 22), e.publishedDay());
    }

    @Test
    void withoutMetadataOrUrlDateTheDateShownInADateElementIsUsed() {
        String html = "<html><head><title>Pool drained</title></head><body><article><h1>Pool drained</h1>"
                + "<div class='post-date'>Veröffentlicht am 5. März 2021</div>" + PROSE + "</article></body></html>";
        Extraction e = extractor.extractDetailed(html, "https://news.example/pool-drained");
        assertEquals(LocalDate.of(2021, 3, 5), e.publishedDay());
    }

    @Test
    void aPageWithoutAnyDateHasNone() {
        String html = "<html><head><title>Pool drained</title></head><body><article><h1>Pool drained</h1>" + PROSE
                + "</article></body></html>";
        Extraction e = extractor.extractDetailed(html, "https://news.example/pool-drained");
        assertNull(e.article().published());
        assertNull(e.publishedDay());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "Posted on September 21, 2020 by Adi | 2020-09-21",
            "23.01.2022 - Biathlon | 2022-01-23",
            "am 24. Juli 2017 | 2017-07-24",
            "12 de mayo de 2022 | 2022-05-12",
            "updated 2022-12-01 10:00 | 2022-12-01",
            "02/14/2021 | 2021-02-14",
            "no date here, only 2021 | NULL",
            "31.02.2021 | NULL",
    })
    void shownDatesAreReadInSeveralLanguagesAndFormats(String text, String day) {
        Instant t = VisibleDates.firstDate(text);
        assertEquals(day, t == null ? null : t.toString().substring(0, 10));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "https://blog.example/2020/04/07/people/ | 2020-04-07",
            "https://x.example/news/20191022-title.html | 2019-10-22",
            "https://x.example/a/2019-08-02-title | 2019-08-02",
            "https://x.example/2020/07/title.html | NULL",
            "https://x.example/article/123456789 | NULL",
    })
    void urlDatesNeedAFullDay(String url, String day) {
        Instant t = VisibleDates.fromUrl(url);
        assertEquals(day, t == null ? null : t.toString().substring(0, 10));
    }
}
