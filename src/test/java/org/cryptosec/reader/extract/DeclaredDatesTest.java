package org.cryptosec.reader.extract;

import static org.cryptosec.reader.extract.TestPages.PROSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When structured data and meta tags declare different publication days, the day the page shows decides. */
class DeclaredDatesTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private String day(String ldPublished, String metaPublished, String shown) {
        String html = "<html><head><title>Bridge drained</title>"
                + "<meta property='article:published_time' content='" + metaPublished + "'>"
                + "<script type='application/ld+json'>{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
                + "\"headline\":\"Bridge drained\",\"datePublished\":\"" + ldPublished + "\"}</script></head><body>"
                + "<article><h1>Bridge drained</h1><div class='article-info'><span>" + shown + "</span></div>" + PROSE
                + "</article></body></html>";
        return TestPages.publishedDay(extractor, html, "https://x.example/a");
    }

    @ParameterizedTest(name = "JSON-LD {0}, meta {1}, shown \"{2}\": {3}")
    @CsvSource(delimiter = '|', value = {
        // the meta tag's day is the one the page shows
        "2022-01-04T07:29:00.000Z | 2022-01-06T08:29:34 | 06.01.2022 | 2022-01-06",
        // the structured data's day is the one the page shows
        "2022-01-04T07:29:00.000Z | 2022-01-06T08:29:34 | 04.01.2022 | 2022-01-04",
        // the page shows neither: the structured data stands
        "2022-01-04T07:29:00.000Z | 2022-01-06T08:29:34 | no date here | 2022-01-04",
        // a local time against the same instant in UTC: the day the page writes
        "2022-05-05T21:00:00-05:00 | 2022-05-06T02:00:00Z | 6 May 2022 | 2022-05-06",
        // both agree: nothing to decide
        "2022-01-04T07:29:00.000Z | 2022-01-04T09:00:00Z | 06.01.2022 | 2022-01-04",
    })
    void theShownDayDecidesBetweenDisagreeingDeclarations(String ld, String meta, String shown, String expected) {
        assertEquals(expected, day(ld, meta, shown.equals("no date here") ? "" : shown));
    }

    @Test
    void aPicturesOwnDateIsNotTheArticlesDate() {
        String html = "<html><head><title>Bridge drained</title><script type='application/ld+json'>"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"ImageObject\",\"name\":\"Vault\",\"datePublished\":\"2021-03-01\"}"
                + "</script></head><body><article><h1>Bridge drained</h1><p class='date'>Stand: 07.11.2023, 07:30 Uhr</p>" + PROSE
                + "</article></body></html>";
        assertEquals("2023-11-07", TestPages.publishedDay(extractor, html, "https://x.example/a"));
    }
    private String dayWithShown(String shownLines) {
        String html = "<html><head><title>Bridge drained</title>"
                + "<meta property='article:published_time' content='2016-08-29T21:54:39Z'></head><body>"
                + "<article><h1>Bridge drained</h1>" + shownLines + PROSE + "</article></body></html>";
        return TestPages.publishedDay(extractor, html, "https://x.example/a");
    }

    @ParameterizedTest(name = "shown \"{0}\": {1}")
    @CsvSource(delimiter = '|', value = {
        // the only date beside the headline is a later update: the page presents that day
        "<div class='published-date'>Updated May 06, 2019</div> | 2019-05-06",
        "<p class='date'>Last updated on 20 Feb, 2020. 3 min read</p> | 2020-02-20",
        "<span class='meta-date'>Aktualisiert am 11.04.2020</span> | 2020-04-11",
        // the page shows its publication too: the declared publication stands
        "<p class='date'>Published 29.08.2016</p><p class='date'>Updated 06.05.2019</p> | 2016-08-29",
        // a shown date that is not an update does not override the declared one here
        "<p class='date'>06.05.2019</p> | 2016-08-29",
        // an update earlier than the declared publication is not taken
        "<p class='date'>Updated 01.01.2015</p> | 2016-08-29",
    })
    void aLaterUpdateThatIsTheOnlyDateShownIsThePagesDate(String shown, String expected) {
        assertEquals(expected, dayWithShown(shown));
    }
}
