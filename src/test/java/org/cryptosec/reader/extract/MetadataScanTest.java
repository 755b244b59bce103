package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The cheap scans and shared lookups of the metadata stages answer as the slower ways they replace. */
class MetadataScanTest {

    @ParameterizedTest(name = "\"{0}\" is {1} on day {2}")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "2021-04-03T23:30:00-05:00|2021-04-04T04:30:00Z|2021-04-03",
        "2021-04-03|2021-04-03T00:00:00Z|2021-04-03",
        " 2021-04-03T09:15:00Z |2021-04-03T09:15:00Z|2021-04-03",
        "2021-11-03T09:15:00:123Z|2021-11-03T00:00:00Z|NONE",
        "Tue, 3 Apr 2018 10:00:00 GMT|2018-04-03T10:00:00Z|2018-04-03",
        "2021/04/03|2021-04-03T00:00:00Z|2021-04-03"})
    void aDateIsReadOnceWithTheDayItWasWrittenOn(String raw, String at, String day) {
        Dates.Dated d = Dates.parseDated(raw);
        assertEquals(Instant.parse(at), d.at());
        assertEquals(day == null ? null : LocalDate.parse(day), d.day());
        assertEquals(Dates.parse(raw), d.at());
    }

    @ParameterizedTest(name = "\"{0}\" is {1} (read by hand: {2})")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "2021-04-03|2021-04-03T00:00:00Z|true",
        "2021-04-03T09:15|2021-04-03T09:15:00Z|true",
        "2021-04-03T09:15:07|2021-04-03T09:15:07Z|true",
        "2021-04-03T09:15:07Z|2021-04-03T09:15:07Z|true",
        "2021-04-03T09:15:07.123456789Z|2021-04-03T09:15:07Z|true",
        "2021-04-03T09:15:07.5+02:00|2021-04-03T07:15:07Z|true",
        "2021-04-03T23:30:00-05:00|2021-04-04T04:30:00Z|true",
        "2021-04-03T23:30:00-00:00|2021-04-03T23:30:00Z|true",
        "2021-04-03 09:15:00|2021-04-03T09:15:00Z|false",
        "2021-04-03t09:15:00z|2021-04-03T09:15:00Z|false",
        "2021-04-03T09:15:00+0200|2021-04-03T07:15:00Z|false",
        "2021-04-03T09:15:00+02|2021-04-03T07:15:00Z|false",
        "2021-02-30T10:00:00Z|2021-02-28T10:00:00Z|false",
        "2021-04-03T24:00:00Z|2021-04-04T00:00:00Z|false",
        "2021-04-03T09:15:00.1234567891Z|2021-04-03T00:00:00Z|false",
        "2021-04-03T09:15:00+19:00|2021-04-03T00:00:00Z|false",
        "2021-04-03T09:15:00:123Z|2021-04-03T00:00:00Z|false",
        "2021-04-03T|2021-04-03T00:00:00Z|false",
        "2021-13-03|NONE|false"})
    void plainIsoDatesAreReadByHandAsTheFormatterReadsThemAndOthersAreLeftToIt(String raw, String at, boolean byHand) {
        Instant expected = at == null ? null : Instant.parse(at);
        assertEquals(expected, Dates.parse(raw));
        Dates.Dated plain = Dates.plainIso(raw);
        assertEquals(byHand, plain != null);
        if (plain != null) {
            assertEquals(expected, plain.at());
            assertEquals(Dates.parseDated(raw), plain);
            assertEquals(raw.substring(0, 10), plain.day().toString());
        }
    }

    @ParameterizedTest(name = "\"{0}\" is no date")
    @CsvSource({"yesterday", "1970-01-01", "2021-13-45", "not a date at all"})
    void implausibleDatesAreNone(String raw) {
        assertNull(Dates.parseDated(raw));
    }

    @ParameterizedTest(name = "\"{0}\" may hold a CMS line: {1}")
    @CsvSource(delimiter = '|', value = {
        "Submitted by jdoe on Tue|true", "SUBMITTED BY JDOE|true", "zuletzt bearbeitet von jdoe|true",
        "(last edited 2019 by JaneDoe)|true", "Ingezonden door jdoe|true", "The submarine surfaced|false", "LAST EDITED|true",
        "last|false", "las|false", "Editorial|false", "GEPLAATST door x|true", "Verfasst von: jdoe|true",
        "soumis par x|true", "Enviado por x|true", "(eingereicht von x)|true", "laatst bewerkt|true", "geplaatste|false"})
    void theCmsVerbScanLetsEveryVerbThrough(String text, boolean expected) {
        assertEquals(expected, Bylines.mayHoldCmsLine(text));
    }

    @Test
    void classesAndIdsAreReadLowerCasedByPosition() {
        Document doc = Jsoup.parse("<div class=' Byline Top ' id='MAIN'><span>x</span><time datetime='2020-01-01'>1 Jan</time></div>");
        List<Element> all = doc.body().getAllElements();
        ClassIds names = ClassIds.of(all);
        assertEquals("", names.className(0));
        assertEquals("byline top", names.className(1));
        assertEquals("main", names.id(1));
        assertEquals("", names.className(2));
        assertEquals(names.className(1), PageIndex.of(doc).classIds(doc.body().getAllElements()).className(1));
    }

    @ParameterizedTest(name = "digit in the text of {0}")
    @CsvSource(delimiter = '|', value = {
        "<p>Read time: <b>7</b> min</p>", "<p>no digits <i>here</i> at all</p>", "<p><span></span></p>", "<p></p>",
        "<p>a<br>b<span>c<em>d</em></span>e</p>", "<p><span><em>deep 9</em></span></p>", "<p>٣ min</p>",
        "<p><script>var x = 1;</script>words</p>", "<p>words<!-- 5 min --></p>", "<p><span>a</span><span>b</span>4</p>"})
    void theDigitFlagOfAnElementsStatisticsAnswersAsItsText(String html) {
        Element p = Jsoup.parse(html).selectFirst("p");
        boolean viaText = p.text().chars().anyMatch(Character::isDigit);
        assertEquals(viaText, ContentExtractor.stats(p).get(p).digit);
    }

    @ParameterizedTest(name = "class \"{0}\" id \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "Sidebar-Left|main", "post|Related-Posts", "post body|main", "|", "widget|", "|most-popular", "teaser x|",
        "side bar|", "recommended|", "rel ated|pop"})
    void offTopicNamesReadByPartAnswerAsTheJoinedClassAndId(String cls, String id) {
        Element el = Jsoup.parse("<div></div>").selectFirst("div");
        if (cls != null) {
            el.attr("class", cls);
        }
        if (id != null) {
            el.attr("id", id);
        }
        ClassIds names = ClassIds.of(List.of(el));
        assertEquals(ArticleExtractor.offTopicName(Hints.classAndId(el)),
                ArticleExtractor.offTopicName(names.className(0)) || ArticleExtractor.offTopicName(names.id(0)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a date soon after the headline|<h1>T</h1><p>On 2019-04-04 it began.</p>FILLER<p>2021-05-05</p>|2019-04-04",
        "a date before the headline, none soon after|<p>Posted 2020-03-03</p><div>intro</div><h1>T</h1>FILLER<p>2021-05-05</p>|2020-03-03",
        "only a date far after the headline|<h1>T</h1>FILLER<p>Filed 2018-07-07</p>|2018-07-07",
        "no headline|<p>words</p>FILLER<p>2017-06-06</p>|2017-06-06"})
    void theTextDateIsTheSameWhetherTheTextIsReadInPartOrWhole(String what, String html, String day) {
        String filler = "<p>" + "plain words without any numbers in them at all ".repeat(8) + "</p>";
        Document doc = Jsoup.parse("<body><div>" + html.replace("FILLER", filler.repeat(10)) + "</div></body>");
        assertEquals(Instant.parse(day + "T00:00:00Z"), VisibleDates.fromText(doc, doc.selectFirst("h1")));
    }

    @ParameterizedTest(name = "{index}: boxes found with the statistics by position are those found by look-up")
    @CsvSource(delimiter = '|', value = {
        "<article><p>Text of the article that runs on for a while.</p></article><div><h3>About the author</h3>"
            + "<p>Jane Doe writes about wallets, exchanges and the people who break into them for a living.</p></div>|1",
        "<article><p>Text of the article that runs on for a while.</p></article><div><h3>&shy;About the author</h3>"
            + "<p>Jane Doe writes about wallets, exchanges and the people who break into them for a living.</p></div>|1",
        "<div class='author-box'><img src='/a.jpg'><strong>Jane Doe</strong><p>Jane Doe covers ransomware and the"
            + " markets that pay for it, from Berlin.</p></div><p><span>Written by</span></p>|1",
        "<p><b>Über den Autor</b></p><div><h4>Autor:</h4><p>Kurz.</p></div><p>Nothing here is a box at all, only text.</p>|0",
        "<h2>Author</h2><h2>About the writer</h2><p>Too short.</p><noscript><p>About the author</p></noscript>|0"})
    void authorBoxesReadLabelLengthsByPositionAsByLookUp(String body, int boxes) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        List<Element> live = idx.liveBodyElements();
        java.util.Map<Element, ContentExtractor.Stats> stats = idx.bodyStats();
        List<AuthorBoxes.Box> byLookUp = AuthorBoxes.find(live, stats, idx.classIds(live));
        List<AuthorBoxes.Box> byPosition = AuthorBoxes.find(live, stats, idx.classIds(live), idx.statsByPosition(live));
        assertEquals(boxes, byPosition.size());
        assertEquals(byLookUp, byPosition);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"About the author", "ABOUT THE WRITER:", "about author",
        "<b>A</b>bout the author", "A&shy;bout the author", "A&#8203;bout the author", "Written by", "wRITTEN BY :",
        "Over de auteur", "over de schrijver", "Over deze auteur", "Auteur", "Author:", "  \n About author",
        "<span> </span><em>Author</em>", "über den Autor", "zum Autor",
        "Zur Autorin", "à propos de l'auteur", "a&nbsp;propos de l'auteur", "A propos de l'auteur", "a\tpropos de l'auteur",
        "L'auteur", "l'autore", "Sobre el autor", "sobre la autora", "Sobre o autor", "Sull'autore",
        "<i>a</i> propos de l'auteur", "&shy;About the author", "&#8203;Author:", "\u200B\u00AD Written by",
        "<span>&shy;</span>Over de auteur"})
    void everyTextThatReadsAsAnAuthorLabelPassesTheTestBeforeItsTextIsBuilt(String html) {
        Element el = Jsoup.parse("<body><div id=x>" + html + "</div></body>").getElementById("x");
        org.junit.jupiter.api.Assertions.assertTrue(AuthorBoxes.LABEL.matcher(el.text().trim()).matches(), el.text());
        org.junit.jupiter.api.Assertions.assertTrue(AuthorBoxes.mayOpenLabel(el), el.text());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"Share this", "Latest news", "Older posts", "Watch now",
        "Stay tuned", "Login", "Also read", "Zoeken", "What we do", "", "  ", "<b> </b>", "Ünd so", "À la une"})
    void textsThatCannotOpenALabelAreRuledOutBeforeTheirTextIsBuilt(String html) {
        Element el = Jsoup.parse("<body><div id=x>" + html + "</div></body>").getElementById("x");
        org.junit.jupiter.api.Assertions.assertFalse(AuthorBoxes.LABEL.matcher(el.text().trim()).matches());
        org.junit.jupiter.api.Assertions.assertFalse(AuthorBoxes.mayOpenLabel(el), el.text());
    }
}
