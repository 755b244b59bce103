package org.cryptosec.reader.extract;

import static org.cryptosec.reader.extract.TestPages.PROSE;
import static org.cryptosec.reader.extract.TestPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The general rules of ADR 0010: what the reader sees near the headline beats what the page declares. */
class ExtractionRulesTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    @ParameterizedTest(name = "byline \"{0}\" gives {1}")
    @CsvSource(delimiter = '|', value = {
        "Posted on September 21, 2020 by Adi Tzlil | Adi Tzlil",
        "By Adam Aaronson PhillyVoice Staff | Adam Aaronson",
        "Richard Precht im Gespräch mit Karin Fischer | Richard Precht, Karin Fischer",
        "delta201 | delta201",
        "By Lucas Nolan22 Dec 2016 | Lucas Nolan",
        "Heiko Sauer Do, 12. März 2020 | Heiko Sauer",
    })
    void bylinesAreCutToTheNames(String line, String expected) {
        assertEquals(expected, String.join(", ", Bylines.names(line)));
    }

    @ParameterizedTest(name = "{0} on {2} is weak: {3}")
    @CsvSource(delimiter = '|', value = {
        "Die FURCHE | Die Furche | https://www.furche.at/a | true",
        "STERN.de | | https://www.stern.de/a | true",
        "LN | | https://www.ln-online.de/a | true",
        "christian.stadtfeld | | https://osthessen.example/a | true",
        "Jane Doe | Chain Watch | https://chainwatch.example/a | false",
    })
    void siteNamesAndUserHandlesAreWeakAuthors(String name, String site, String url, boolean weak) {
        assertEquals(weak, ArticleExtractor.isWeakName(name, ContentExtractor.normalize(site), ArticleExtractor.hostKey(url)));
    }

    @Test
    void theBylineNearestTheHeadlineWinsOverTeaserBylinesAndAPublisherAuthor() {
        String teasers = "<aside class='more-stories'><div class='byline'>By Tom Teaser</div><div class='byline'>By Tom Teaser</div>"
                + "<div class='byline'>By Tim Teaser</div></aside>";
        String html = page("<title>Bridge drained | Chain Watch</title><meta property='og:site_name' content='Chain Watch'>"
                + "<meta name='author' content='Chain Watch'>",
                teasers + "<article><h1>Bridge drained</h1><span class='byline'>By <a href='/writers/jane'>Jane Doe</a></span>"
                        + PROSE + "</article>");
        assertEquals(List.of("Jane Doe"), TestPages.authors(extractor, html, "https://chainwatch.example/bridge"));
    }

    @Test
    void anAuthorLabelFollowedByTheNameInTheNextElementIsAByline() {
        String html = page("<title>Bridge drained</title>", "<article><h1>Bridge drained</h1>" + PROSE
                + "<h4>Autor</h4><p><a href='/profil/jane'>Jane Doe</a></p></article>");
        assertEquals("Jane Doe", extractor.extract(html, "https://x.example/a").authors().get(0).name());
    }

    @ParameterizedTest(name = "h1 {0} with og:title {1} gives {2}")
    @CsvSource(delimiter = '|', value = {
        // the visible headline over a social title
        "<h1>Bridge drained of 40M overnight</h1> | Bridge drained of 40M overnight, attackers forged signatures | Bridge drained of 40M overnight",
        // a kicker inside the h1
        "<h1><span class='kicker'>DeFi</span> Bridge drained of 40M overnight</h1> | DeFi: Bridge drained of 40M overnight | Bridge drained of 40M overnight",
        // a date before the headline
        "<h1>23.01.2022 - Bridge drained of 40M overnight</h1> | 23.01.2022 - Bridge drained of 40M overnight - Chain Watch | Bridge drained of 40M overnight",
        // the site's name as h1 linking home: the metadata title, its site suffix dropped
        "<h1><a href='/'>Chain Watch News</a></h1> | 'Bridge drained of 40M overnight | Chain Watch' | Bridge drained of 40M overnight",
    })
    void theTitleIsTheVisibleHeadline(String h1, String ogTitle, String expected) {
        String html = page("<title>" + ogTitle + "</title><meta property='og:title' content='" + ogTitle + "'>",
                "<article>" + h1 + PROSE + "</article>");
        assertEquals(expected, extractor.extract(html, "https://chainwatch.example/bridge").title());
    }

    @Test
    void aTeaserTimeThatContradictsTheUrlDateYieldsToTheUrl() {
        String html = page("<title>Bridge drained</title>", "<aside><ul><li><time class='published' datetime='2009-04-11'>"
                + "11 April 2009</time></li></ul></aside><article><h1>Bridge drained</h1>" + PROSE + "</article>");
        Extraction e = extractor.extractDetailed(html, "https://x.example/2019/10/22/bridge-drained/");
        assertEquals("2019-10-22", e.publishedDay().toString());
    }

    @Test
    void theDateShownBesideTheHeadlineWinsOverADateFurtherDown() {
        String html = page("<title>Bridge drained</title>", "<article><header><div class='h6 date-update-wrapper'>02.12.2022</div>"
                + "<h1>Bridge drained</h1></header>" + PROSE + PROSE + "<p class='date'>Archiv: 05.01.2021</p></article>");
        assertEquals("2022-12-02", TestPages.publishedDay(extractor, html, "https://x.example/a"));
    }

    @Test
    void aUtcTimeNearMidnightTakesTheLocalDayWrittenBesideTheHeadline() {
        String html = page("<title>Bridge drained</title><meta property='article:published_time' content='2021-11-04T23:00Z'>",
                "<article><h1>Bridge drained</h1><span class='date'>5. November 2021</span>" + PROSE + "</article>");
        Extraction e = extractor.extractDetailed(html, "https://x.example/a");
        assertEquals("2021-11-05", e.publishedDay().toString());
        assertEquals(Instant.parse("2021-11-04T23:00:00Z"), e.article().published(), "the instant stays as declared");
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {
        "10.12.2022, 07:00:03 | 2022-12-10",
        "2022-01-10T22:06:08:684Z | 2022-01-10",
        "2020年7月3日 | 2020-07-03",
        "2020/07/03 | 2020-07-03",
    })
    void lenientDateFormatsParse(String raw, String day) {
        Instant t = Dates.parse(raw);
        assertTrue(t != null, raw);
        assertEquals(day, t.toString().substring(0, 10));
    }
}
