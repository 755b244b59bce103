package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The short cuts of the date marks give what the long way gives. */
class DateMarkShortCutsTest {

    @ParameterizedTest(name = "class ''{0}'' id ''{1}''")
    @CsvSource(value = {"post-date,''", "'',published-at", "entry-meta byline,''", "timeline,''", "sidebar widget,''",
        "related-posts,comments", "'',''", "submitted-by,''", "fecha-nota,''", "datum,x", "me,ta", "da te,''",
        "comment-time,''", "share-bar,''", "upDATE,''", "postedon,''", "publi,''"}, quoteCharacter = '\'')
    void theDateWordsFoundWithTheOtherNameWordsAreThoseTheNamesHold(String cls, String id) {
        // the walk lower-cases the names before it looks for words in them
        String c = cls.toLowerCase(java.util.Locale.ROOT);
        String i = id.toLowerCase(java.util.Locale.ROOT);
        assertEquals(VisibleDates.Marks.namesDate(c, i), ArticleExtractor.dateWords(ArticleExtractor.nameWords(c, i)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<h1>The headline of this story</h1><p class='post-date'>3 May 2021</p>",
        "<aside class='sidebar'><div class='comments'><span class='date'>1 June 2020</span></div></aside>"
            + "<h1>The headline of this story</h1><div class='widget'><div class='share'><b class='meta'>3 May 2021</b></div></div>",
        "<div class='related sidebar'><div class='reply'><p class='byline'>3 May 2021</p></div></div>"
            + "<h1>The headline of this story</h1>",
        "<h1>The headline of this story</h1><nav><div class='teaser'><div class='cookie'><i id='Post-Time'>3 May 2021</i></div></div></nav>"})
    void theMarksFoundWithTheWalkedNamesAreThoseFoundFromTheNamesAlone(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        Element h1 = doc.selectFirst("h1");
        java.util.List<Element> all = idx.bodyElements();
        VisibleDates.Marks longWay = VisibleDates.Marks.of(all, idx.classIds(all), idx.marks(), idx.marksAt(), new byte[0], null);
        assertEquals(VisibleDates.fromMarked(doc, h1, longWay), VisibleDates.fromMarked(doc, h1, idx.dateMarks()));
        assertEquals(VisibleDates.written(doc, h1, longWay), VisibleDates.written(doc, h1, idx.dateMarks()));
    }

    /** Each text with whether it opens with the words of a change, and whether its opening leaves that open. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"<span>Updated May 6, 2019</span>|true|true",
        "<span><b>Last</b> updated: May 6</span>|true|true", "<span> — Aktualisiert am 3.5.2021</span>|true|true",
        "<span>Geändert 3.5.2021</span>|true|true", "<span>Mis à jour le 3 mai 2021</span>|true|true",
        "<span>Actualisé le 3 mai</span>|true|true", "<span>Up<b>dated</b> May 6</span>|true|true",
        "<span><!-- x -->  <i></i>MODIFIED 2019</span>|true|true", "<span>Last&nbsp;updated May 6</span>|true|true",
        "<div><p>Last</p><p>updated May 6</p></div>|true|true", "<span>aggiornato il 6 maggio</span>|true|true",
        "<span>Zuletzt aktualisiert</span>|true|true", "<span>Laatst bijgewerkt</span>|true|true",
        "<span>Actualizado 6 de mayo</span>|true|true", "<span>Updatedness</span>|false|true",
        "<span>Published May 6, 2019</span>|false|false", "<span>updatedness of it</span>|false|false",
        "<span>12 updated</span>|false|false", "<span> <i></i> </span>|false|false", "<span>__updated</span>|false|true", "<span>__updated now</span>|false|false",
        "<span>By <a>Jane</a>, updated May 6</span>|false|false", "<span>Last<b>ly</b> updated</span>|false|true",
        "<span>Lastly updated</span>|false|false"})
    void theOpeningRulesOutOnlyTextsThatDoNotOpenWithTheWordsOfAChange(String html, boolean opens, boolean mayOpen) {
        Element e = Jsoup.parse("<html><body>" + html + "</body></html>").body().child(0);
        assertEquals(opens, VisibleDates.opensWithUpdateWords(e.text()), e.text());
        assertEquals(mayOpen, VisibleDates.mayOpenWithUpdateWords(e), e.text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "<h1>The headline</h1><p>Written on 3 May 2021 by Jane.</p>|2021-05-03",
        "<h1>The headline</h1><p>No date here, only words.</p><footer>© 2021 · 3 May 2021</footer>|",
        "<h1>The headline</h1><p>Seven of 12 readers</p><nav>3 May 2021</nav><div class='sidebar'>4 May 2021</div>|",
        "<h1>The headline</h1><p>On 3 May 20<!-- a comment -->21 it rained.</p>|2021-05-03",
        "<h1>The headline</h1><p>On 3 May 20<b></b>21 it rained.</p>|2021-05-03",
        "<div class='comments'><div>3 May 2021<h1>The headline</h1></div></div><p>Text.</p>|2021-05-03",
        "<h1>The headline</h1><p>In ٢٠٢١ and 1 of 2</p>|",
        "<h1>The headline</h1><p>A number 120219 and 3 May 202134</p>|",
        "<header><p>3 May 2021</p></header><p>Menu</p><h1>The headline</h1><p>Text.</p>|",
        "<h1>The headline</h1><div><p>Text.</p><span>2021</span><span>05-03</span></div>|",
        "<h1>The headline</h1><div><p>Text.</p><p>On the 3rd of May</p><p>2021</p></div>|",
        "<p>Text 2019-12-04 before the headline.</p><h1>The headline</h1><p>Nothing after.</p>|2019-12-04"})
    void theTextWalkSparedByTheFiguresFindsWhatTheWholeWalkFinds(String body, String day) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        Element h1 = doc.selectFirst("h1");
        java.time.Instant longWay = VisibleDates.fromText(doc, h1);
        assertEquals(day == null ? null : java.time.Instant.parse(day + "T00:00:00Z"), longWay);
        assertEquals(longWay, VisibleDates.fromText(doc, h1, idx.dateMarks()));
    }
}
