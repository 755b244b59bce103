package org.cryptosec.reader.extract;

import static org.cryptosec.reader.extract.TestPages.PROSE;
import static org.cryptosec.reader.extract.TestPages.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Generic metadata rules: where authors, titles and dates hide when the page declares nothing better. */
class MetadataRulesTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    private List<String> authors(String html) {
        return TestPages.authors(extractor, html);
    }

    @Test
    void aMicrodataAuthorInTheArticleFooterIsTheAuthor() {
        String html = page("<title>Bridge drained</title>", "<article><h1>Bridge drained</h1>" + PROSE
                + "<footer><address itemprop='author' itemscope itemtype='http://schema.org/Person'>"
                + "<span itemprop='name'>Jane Doe</span></address></footer></article>"
                + "<footer><p>Imprint</p></footer>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void microdataAuthorsOfATeaserListAreNotTheAuthor() {
        StringBuilder teasers = new StringBuilder("<div class='related-posts'>");
        for (String n : new String[] {"Tom Teaser", "Tim Teaser"}) {
            teasers.append("<div><a href='/x'>Other story</a><span itemprop='author'>").append(n).append("</span></div>");
        }
        String html = page("<title>Bridge drained</title><meta name='author' content='Jane Doe'>",
                "<article><h1>Bridge drained</h1>" + PROSE + "</article>" + teasers + "</div>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void aUserHandleBecomesTheFullNameThePageWrites() {
        String html = page("<title>Bridge drained</title><meta name='author' content='jane.doe'>",
                "<article><h1>Bridge drained</h1>" + PROSE + "<p>Our editor (Jane Q. Doe) will follow up.</p></article>");
        assertEquals(List.of("Jane Q. Doe"), authors(html));
    }

    @ParameterizedTest(name = "handle {0} in \"{1}\" is {2}")
    @CsvSource(delimiter = '|', value = {
        "jane.doe | written by Jane Q. Doe today | Jane Q. Doe",
        "zoe_lefevre | Autorin: Zoë Lefèvre, Datum | Zoë Lefèvre",
        "jane-doe | Jane Smith and John Doe | ",
        "Jane Doe | Jane Doe | ",
    })
    void handlesExpandOnlyToANameWithTheirFirstAndLastParts(String handle, String text, String expected) {
        assertEquals(expected, Bylines.expandHandle(handle, text));
    }

    @ParameterizedTest(name = "\"{0}\" holder {1}")
    @CsvSource(delimiter = '#', value = {
        "Copyright (c) 2012- Jane Doe. All rights reserved. Design by Templates. # Jane Doe",
        "(c) Jane Doe • Weitere Rechte siehe Impressum # Jane Doe",
        "© Chain Watch Media AG 2022. Alle Rechte vorbehalten. # Chain Watch Media AG",
        "PRIVACY | COPYRIGHT JANE DOE | A SIDE PROJECT # JANE DOE",
        "© 2022 # ",
        "© Copyright 2020 Chain Watch Daily, 1 Main St. Springfield # Chain Watch Daily",
        "copyright notice: see our terms and conditions page for more # ",
    })
    void copyrightLinesNameTheirHolder(String line, String expected) {
        assertEquals(expected, Bylines.copyrightHolder(line));
    }

    @Test
    void anUnsignedPageIsCreditedToItsCopyrightHolder() {
        String html = page("<title>Bridge drained</title>", "<article><h1>Bridge drained</h1>" + PROSE + "</article>"
                + "<div class='bottom'><p>Copyright © 2015-2022 Jane Doe. All rights reserved.</p></div>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void aCreditedPageIgnoresTheCopyrightLine() {
        String html = page("<title>Bridge drained</title><meta name='author' content='John Roe'>",
                "<article><h1>Bridge drained</h1>" + PROSE + "</article><p>© 2022 Jane Doe</p>");
        assertEquals(List.of("John Roe"), authors(html));
    }

    @Test
    void anAuthorLabelFollowedByTheNameAsTextIsAByline() {
        String html = page("<title>Bridge drained</title>", "<article><h1>Bridge drained</h1>" + PROSE
                + "<div class='info'><span class='label'>Datum:</span> 19.11.2021<br><span class='label'>Autor:</span> Jane Doe<br>"
                + "</div></article>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @Test
    void aByPrefixBehindASeparatorStillOpensTheByline() {
        String html = page("<title>Bridge drained</title>", "<article><h1>Bridge drained</h1><div class='meta'>"
                + "<span class='sr'>| By </span><span>Jane Doe</span> | <span>April 13, 2020</span></div>" + PROSE + "</article>");
        assertEquals(List.of("Jane Doe"), authors(html));
    }

    @ParameterizedTest(name = "byline \"{0}\" gives {1}")
    @CsvSource(delimiter = '|', value = {
        "Staff and wire reports | Staff and wire reports",
        "Jane Doe and John Roe | Jane Doe, John Roe",
        "Jane Doe and staff | Jane Doe",
    })
    void aStaffCreditIsOneName(String line, String expected) {
        assertEquals(expected, String.join(", ", Bylines.names(line)));
    }

    @ParameterizedTest(name = "line \"{0}\" gives {1}")
    @CsvSource(delimiter = '|', value = {
        "Author: Jane Doe, Datum: 03.03.19 | Jane Doe",
        "Von Jane Doe | Jane Doe",
        "Von Hackern erpresst: | ",
        "Author unknown | ",
    })
    void bylineLines(String line, String expected) {
        assertEquals(expected, Bylines.fromLine(line));
    }

    @Test
    void aNameAfterALabelOnlyWhenTheLabelIsALabel() {
        assertNull(Bylines.fromLine("Authority figures say"));
    }

    private String title(String head, String body) {
        return extractor.extract(page(head, body), "https://chainwatch.example/bridge").title();
    }

    @ParameterizedTest(name = "hidden h1 {0}")
    @CsvSource(delimiter = '|', value = {
        "<h1 class='sr-only'>Chain Watch</h1>",
        "<h1 class='aural'>Chain Watch (CW)</h1>",
        "<h1 class='header pagetitle hidden'>News</h1>",
        "<h1 class='visually-hidden'>Article</h1>",
    })
    void aHeadingForScreenReadersIsNotTheHeadline(String hiddenH1) {
        assertEquals("Bridge drained of forty million", title("<title>Chain Watch - Bridge drained of forty million</title>"
                + "<meta property='og:title' content='Bridge drained of forty million'>",
                hiddenH1 + "<article><h2>Bridge drained of forty million</h2>" + PROSE + "</article>"));
    }

    @Test
    void theOneVisibleHeadlineIsTheTitleEvenWhenTheMetadataSaysOtherwise() {
        assertEquals("Custody services for exchanges and funds", title("<title>Services | Chain Watch</title>",
                "<article><h1>Custody services for exchanges and funds</h1>" + PROSE + "</article>"));
    }

    @ParameterizedTest(name = "no headline: {0}")
    @CsvSource(delimiter = '|', value = {
        "<a href='/other'><h1>Another story we link to today</h1></a>",
        "<form style='display:none'><h1>Log in to your account</h1></form>",
        "<h1>Services</h1>",
    })
    void aLinkedLoginOrOneWordHeadingDoesNotOverruleTheMetadata(String h1) {
        assertEquals("Bridge drained of forty million", title("<title>Bridge drained of forty million | Chain Watch</title>",
                h1 + "<article>" + PROSE + "</article>"));
    }

    @Test
    void rubyReadingAidsAreNotPartOfTheHeadline() {
        assertEquals("子どもの法律", title("<title>Site|子どもの法律</title>",
                "<article><h1><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rt>ほうりつ</rt></ruby></h1>" + PROSE + "</article>"));
    }

    @ParameterizedTest(name = "published {0} on a URL dated 2020/07/08 is {1}")
    @CsvSource(delimiter = '|', value = {
        // near midnight UTC the URL's local day wins
        "2020-07-09T02:30:00Z | 2020-07-08",
        // near noon UTC every zone is on the same day: the URL was dated another day
        "2020-07-09T10:04:00Z | 2020-07-09",
        // a time with its local zone gives its local day itself
        "2020-07-09T19:43:46-05:00 | 2020-07-09",
    })
    void theUrlDayCorrectsOnlyUtcTimesNearMidnight(String published, String expected) {
        String html = page("<title>Bridge drained</title><meta property='article:published_time' content='" + published + "'>",
                "<article><h1>Bridge drained</h1>" + PROSE + "</article>");
        Extraction e = extractor.extractDetailed(html, "https://x.example/politics/2020/07/08/bridge-drained/");
        assertEquals(expected, e.publishedDay().toString());
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
        "8.Dezember 2010 um 09:43 | 2010-12-08",
        "8. Dezember 2010 | 2010-12-08",
        "3rd May 2021 | 2021-05-03",
        "07 Dezember, 2022 | 2022-12-07",
        "4.\u20092.\u20092022 | 2022-02-04",
        "5 de mayo de 2022 | 2022-05-05",
    })
    void writtenDaysWithOrWithoutASpaceAfterTheDot(String text, String expected) {
        assertEquals(expected, VisibleDates.firstDate(text).toString().substring(0, 10));
    }

    @ParameterizedTest(name = "wrapper class \"{0}\" lets the date through: {1}")
    @CsvSource(delimiter = '|', value = {
        "main-content has-double-sidebar | true",
        "site-wrapper with-sidebar-right | true",
        "post no-comments | true",
        "sidebar | false",
        "comments-list | false",
    })
    void layoutModifierClassesDoNotHideTheArticlesDate(String wrapperClass, boolean found) {
        String html = page("<title>Bridge drained</title>", "<div class='" + wrapperClass + "'><div class='article'>"
                + "<h6>Bridge drained</h6><p>(21. November 2022) The attackers drained the bridge contract after forging"
                + " validator signatures.</p>" + PROSE + "</div></div>");
        Extraction e = extractor.extractDetailed(html, "https://x.example/a");
        assertEquals(found ? "2022-11-21" : null, e.publishedDay() == null ? null : e.publishedDay().toString());
    }

    @Test
    void aShownDateBeatsATimeOfLastChange() {
        String head = "<title>Bridge drained</title><meta property='og:updated_time' content='2022-12-16T17:30:38+0100'>";
        String shown = page(head, "<article><h1>Bridge drained</h1><div class='byline'><span class='byline__created-date'>"
                + "07 Dezember, 2022</span></div>" + PROSE + "</article>");
        assertEquals("2022-12-07", TestPages.publishedDay(extractor, shown, "https://x.example/a"));
        String unshown = page(head, "<article><h1>Bridge drained</h1>" + PROSE + "</article>");
        assertEquals("2022-12-16", TestPages.publishedDay(extractor, unshown, "https://x.example/a"));
    }

    @ParameterizedTest(name = "byline inside class \"{0}\" found: {1}")
    @CsvSource(delimiter = '|', value = {
        "main-content has-double-sidebar | true",
        "content with-sidebar | true",
        "sidebar | false",
    })
    void layoutModifierClassesDoNotHideTheByline(String wrapperClass, boolean found) {
        String html = page("<title>Bridge drained</title>", "<div class='" + wrapperClass + "'><div class='article'>"
                + "<h6>Bridge drained</h6><h5><em>Von Jane Doe</em></h5>" + PROSE + "</div></div>");
        assertEquals(found ? List.of("Jane Doe") : List.of(), authors(html));
    }

    @ParameterizedTest(name = "\"{0}\" without modifiers is \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "main-content has-double-sidebar | main-content",
        "post no-comments with-sidebar-right | post",
        "sidebar | sidebar",
        "'' | ''",
    })
    void modifierClassesAreDropped(String classAndId, String expected) {
        assertEquals(expected, Hints.withoutModifiers(classAndId));
    }

    @Test
    void theOneHeadingMarkedAsHeadlineIsTheTitle() {
        assertEquals("Custody services for exchanges and funds", title("<title>Services - Chain Watch - Custody</title>",
                "<article><h2 itemprop='headline'>Custody services for exchanges and funds</h2>" + PROSE + "</article>"));
    }

    @Test
    void aDateLineRightAboveTheHeadlineBeatsADateInTheText() {
        String html = page("<title>Bridge drained</title>", "<article><div class='dateline'><span>14.03.2021</span></div>"
                + "<h1>Bridge drained</h1><p>Investors may claim refunds from 2.5. to 30.6.2022 at the latest.</p>" + PROSE
                + "</article>");
        assertEquals("2021-03-14", TestPages.publishedDay(extractor, html, "https://x.example/a"));
    }

    @ParameterizedTest(name = "declared {0}, shown {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        // a day without a time, ten days off the date shown beside the headline
        "2021-04-03 | 12.04.2021 | 2021-04-12",
        // a full timestamp is kept
        "2021-04-03T09:00:00+01:00 | 12.04.2021 | 2021-04-03",
        // a shown date months away is another date (an event, a correction)
        "2021-04-03 | 12.09.2021 | 2021-04-03",
    })
    void aDeclaredDayWithoutTimeYieldsToTheDayShownBesideTheHeadline(String declared, String shown, String expected) {
        String html = page("<title>Bridge drained</title><meta property='article:published_time' content='" + declared + "'>",
                "<article><h1>Bridge drained</h1><ul class='meta'><li class='date'>" + shown + "</li></ul>" + PROSE
                        + "</article>");
        assertEquals(expected, TestPages.publishedDay(extractor, html, "https://x.example/a"));
    }
}
