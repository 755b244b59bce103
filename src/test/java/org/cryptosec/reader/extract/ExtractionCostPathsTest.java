package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The short cuts that keep extraction cheap give what the long way gives. */
class ExtractionCostPathsTest {

    private static final String BASE = "https://news.example/2024/05/story";

    private static Element sanitizedOnce(String html) {
        Document doc = Jsoup.parseBodyFragment(html, BASE);
        return new HtmlSanitizer().sanitizeToBody(doc.body(), BASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Plain <b>bold</b> and <a href='/x'>a link</a>.</p><h2>Head</h2><ul><li>one</li><li>two</li></ul>",
        "<div><div>inline only <i>text</i></div><figure><img src='/a.png'><figcaption>Cap</figcaption></figure></div>",
        "<table><tbody><tr><td>a</td><td>b</td></tr></tbody></table><blockquote><p>quote</p></blockquote>",
        "<dl><dt>term</dt><dd>definition</dd></dl><pre>code\n  indented</pre>"})
    void aWellNestedTreeIsKeptWithoutReparsingAndEqualsItsReparse(String html) {
        Element once = sanitizedOnce(html);
        assertTrue(HtmlSanitizer.isParserStable(once), once.html());
        assertEquals(once.html(), sanitizedOnce(once.html()).html());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>outer <b><p>inner</p></b></p>",
        "<a href='/a'>one <a href='/b'>two</a></a>",
        "<li>item <em><li>in an item</li></em></li>",
        "<table><tr><td>row straight in a table</td></tr></table>",
        "<td>cell outside a table</td>",
        "<h2>heading <h3>in a heading</h3></h2>",
        "<p>paragraph with <ul><li>a list</li></ul></p>"})
    void aTreeTheParserWouldRearrangeIsNotTakenForStable(String html) {
        // the misnested tree is built as the markup literally writes it: the HTML parser would have fixed it already
        Element root = Document.createShell(BASE).body();
        copyLiteral(html, root);
        Document parsed = Jsoup.parseBodyFragment(html, BASE);
        assertFalse(HtmlSanitizer.isParserStable(root), root.html() + " (parsed as " + parsed.body().html() + ")");
    }

    /** Builds the nesting the markup literally writes (no HTML parsing rules), for well-formed markup. */
    private static void copyLiteral(String html, Element root) {
        Document xml = Jsoup.parse(html, BASE, org.jsoup.parser.Parser.xmlParser());
        for (org.jsoup.nodes.Node n : xml.childNodes()) {
            root.appendChild(toHtml(n));
        }
    }

    private static org.jsoup.nodes.Node toHtml(org.jsoup.nodes.Node n) {
        if (n instanceof Element e) {
            Element copy = new Element(e.tagName());
            e.attributes().forEach(a -> copy.attr(a.getKey(), a.getValue()));
            for (org.jsoup.nodes.Node c : e.childNodes()) {
                copy.appendChild(toHtml(c));
            }
            return copy;
        }
        return new org.jsoup.nodes.TextNode(((org.jsoup.nodes.TextNode) n).getWholeText());
    }

    @Test
    void theIndexSelectsWhatTheWholePageSelectGives() {
        String html = "<html><head><meta property='og:title' content='T'><link rel='canonical' href='/c'>"
                + "<script type='application/ld+json'>{}</script></head><body><header><h1>Site</h1></header>"
                + "<main><article><h1 itemprop='headline'>Story</h1><time class='published' datetime='2024-05-01'>1 May</time>"
                + "<p>By <a rel='author' href='/author/jane'>Jane Doe</a></p><h2>Part</h2><p>Text <a rel='tag' href='/t'>hack</a>"
                + "</p><h3>Sub</h3><span itemprop='datePublished' content='2024-05-01'></span></article></main></body></html>";
        Document doc = Jsoup.parse(html, BASE);
        PageIndex idx = PageIndex.of(doc);
        for (String css : List.of("article h1, main h1, [itemprop=headline]", "h1", "h2, h3", "h1, h2",
                "a[rel~=(?i)\\btag\\b]", "link[rel=canonical][href]", "a[rel~=(?i)\\bauthor\\b], link[rel~=(?i)\\bauthor\\b]",
                "[itemprop=datePublished][content], time.published[datetime]")) {
            List<Element> among = css.contains("rel") ? idx.rels() : idx.marks();
            assertEquals(doc.select(css), idx.select(PageIndex.query(css), among), css);
            assertEquals(doc.selectFirst(css), idx.selectFirst(PageIndex.query(css), among), css);
        }
        assertEquals(doc.body().getAllElements(), idx.bodyElements());
        assertEquals(doc.body().getElementsByTag("img"), idx.bodyImages());
        Element removed = doc.selectFirst("a[rel=tag]");
        removed.remove();
        assertTrue(idx.select(PageIndex.query("a[rel~=(?i)\\btag\\b]"), idx.rels()).isEmpty(), "a removed element is not selected");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "Posted 3 March 2021, updated 2021-04-05 | 2021-03-03",
        "2021-04-05 first, then 3 March 2021 | 2021-04-05",
        "Updated 12.05.2022 after March 4, 2022 | 2022-05-12",
        "Nothing, then a year 2019 alone, then June 7, 2020 and 2020-06-08 | 2020-06-07"})
    void theEarliestWrittenDateWinsWhateverItsForm(String text, String day) {
        assertEquals(java.time.LocalDate.parse(day).atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                VisibleDates.firstDate(text + " " + "filler text ".repeat(300) + " 1 January 2023"));
    }

    @Test
    void statisticsKeptUpToDateOnRemovalEqualThoseComputedAfresh() {
        String html = "<body><div id='a'><p>" + "Long paragraph text, with commas, ".repeat(5) + "<span>x</span></p>"
                + "<div class='share'><a href='/s'>Share this story on every network</a></div>"
                + "<p>Short one, <b>removed part of a long paragraph " + "words ".repeat(20) + "</b></p></div></body>";
        Document doc = Jsoup.parse(html, BASE);
        Map<Element, ContentExtractor.Stats> kept = ContentExtractor.stats(doc.body());
        for (Element el : List.of(doc.selectFirst("div.share"), doc.selectFirst("b"), doc.selectFirst("span"))) {
            ContentExtractor.subtract(kept, el, doc.body());
            el.remove();
        }
        assertSameStatistics(ContentExtractor.stats(doc.body()), kept, doc.body(), false);
    }

    private static void assertSameStatistics(Map<Element, ContentExtractor.Stats> expected, Map<Element, ContentExtractor.Stats> actual,
                                             Element root, boolean order) {
        for (Element el : root.getAllElements()) {
            ContentExtractor.Stats a = actual.get(el);
            ContentExtractor.Stats b = expected.get(el);
            String where = el.cssSelector();
            assertEquals(b.text, a.text, where + " text");
            assertEquals(b.link, a.link, where + " link");
            assertEquals(b.longParagraphs, a.longParagraphs, where + " long paragraphs");
            assertEquals(b.commas, a.commas, where + " commas");
            if (order) {
                assertEquals(b.order, a.order, where + " order");
            }
        }
    }

    private static final String MIXED = "<html><head><title>t</title><script>var x = 1;</script></head><body>"
            + "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Bridge drained</h1>"
            + "<p>Long paragraph text, with commas, " + "and more words, ".repeat(12) + "<a href='/x'>a link</a></p>"
            + "<pre>\n  code   kept\n\n  as is  </pre><p>line one<br>line two&nbsp;&nbsp;and\u2003\u2003wide spaces</p>"
            + "<table><tbody><tr><td>cell a</td><td>cell b</td></tr></tbody></table><figure><img src='/a.png'>"
            + "<figcaption>Short caption</figcaption></figure>\n   \n<ul><li>one</li> <li>two</li></ul></article>"
            + "<footer><p>Footer text, copyright and more.</p></footer></body></html>";

    @Test
    void theIndexWalksStatisticsAreThoseOfASeparateWalk() {
        Document doc = Jsoup.parse(MIXED, BASE);
        assertSameStatistics(ContentExtractor.stats(doc.body()), PageIndex.of(doc).bodyStats(), doc.body(), true);
    }

    @Test
    void theRenderBoundIsAtLeastTheTextOfEveryPartOfTheBodyHoweverSanitized() {
        Document doc = Jsoup.parse(MIXED, BASE);
        long bound = PageIndex.of(doc).bodyRenderBound();
        for (Element el : doc.body().getAllElements()) {
            Element sanitized = new HtmlSanitizer().sanitizeToBody(el.clone(), BASE);
            assertTrue(TextRenderer.render(sanitized).length() <= bound, el.cssSelector());
            assertTrue(TextRenderer.render(el).length() <= bound, el.cssSelector());
        }
        assertTrue(bound < MIXED.length(), "a bound of " + bound + " says nothing");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\n\t  ", "\u200B", " \u200B ", "\u00A0\u00A0", "\u2003wide\u2003", "\u000B", "a, b; c",
        "\r\n\f", "  two  words , "})
    void aTextNodesFiguresInTheStatisticsAreThoseOfTheWholeText(String text) {
        Document doc = Jsoup.parse("<body><div><p>lead</p></div></body>", BASE);
        Element div = doc.selectFirst("div");
        div.appendChild(new org.jsoup.nodes.TextNode(text));
        long figures = ContentExtractor.textFigures(text) + ContentExtractor.textFigures("lead");
        ContentExtractor.Stats s = PageIndex.of(doc).bodyStats().get(div);
        assertEquals((int) (figures >>> 32), s.text, "text of [" + text + "]");
        assertEquals((int) figures, s.commas, "commas of [" + text + "]");
        assertEquals(s.text, ContentExtractor.stats(doc.body()).get(div).text);
    }

    @Test
    void junkWithoutAttributesIsToldByItsTagAlone() {
        String html = "<body><div><p>Kept paragraph of text.</p><form><input></form><o:p>office</o:p><nav>menu</nav>"
                + "<span>kept span</span><div hidden>hidden</div><div style='DISPLAY: none'>styled away</div>"
                + "<div class='Sidebar'>aside text</div><form>" + "a big form wrapping the page ".repeat(20) + "</form></div></body>";
        Document doc = Jsoup.parse(html, BASE);
        Map<Element, ContentExtractor.Stats> stats = WalkedJunkRemoval.removeJunk(doc, PageIndex.of(doc).bodyStats());
        String text = doc.body().text();
        assertTrue(text.contains("Kept paragraph") && text.contains("kept span") && text.contains("a big form"), text);
        for (String gone : List.of("office", "menu", "hidden", "styled away", "aside text")) {
            assertFalse(text.contains(gone), gone + " stayed: " + text);
        }
        assertSameStatistics(ContentExtractor.stats(doc.body()), stats, doc.body(), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<div id='t'><p>no link here</p></div>",
        "<div id='t'><a name='anchor'>no href</a><p><span><a href='/deep'>deep</a></span></p><a href='/later'>later</a></div>",
        "<div id='t'><ul><li><b>x</b></li></ul><a href=''>empty href</a></div><a href='/outside'>outside</a>",
        "<section id='t'><div><div></div></div><div><p><i><a href='/a'>a</a></i></p></div><a href='/b'>b</a></section>",
        "<p id='t'><img src='x.png'></p><p><a href='/next-block'>next block</a></p>"})
    void theFirstLinkWalkFindsWhatTheSelectorFinds(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", BASE);
        Element el = doc.getElementById("t");
        assertSame(el.selectFirst("a[href]"), ContentExtractor.firstLink(el));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Intro-Lead", "story-summary", "plain"})
    void theDescribedLeadReadsTheSameWithTheIndexedClassNames(String cls) {
        String lead = "The summary of the story, told in one sentence long enough to be a lead here.";
        String html = "<html><head><meta name='description' content='" + lead + "'></head><body><h1>Head</h1>"
                + "<div class='" + cls + "'><p>" + lead + "</p></div><p>" + "Body words of the article, with commas. ".repeat(5)
                + "</p></body></html>";
        Document doc = Jsoup.parse(html, BASE);
        PageIndex idx = PageIndex.of(doc);
        ArticleExtractor.Meta meta = ArticleExtractor.Meta.of(idx.metas());
        Element h1 = doc.selectFirst("h1");
        String plain = ArticleExtractor.shownLead(doc, meta, idx.bodyStats(), h1, idx.bodyElements());
        String indexed = ArticleExtractor.shownLead(doc, meta, idx.bodyStats(), h1, idx.bodyElements(),
                idx.classIds(idx.bodyElements()));
        assertEquals(plain, indexed);
        assertEquals(cls.equals("plain") ? null : lead, indexed);
        assertEquals(plain, ArticleExtractor.shownLead(doc, meta, idx.bodyStats(), h1, idx.bodyElements(),
                idx.classIds(idx.bodyElements()), idx.statsByPosition(idx.bodyElements())));
    }

    @Test
    void theScorerWeighsRepeatedClassNamesAsEachElementOnItsOwn() {
        String prose = "Words of the article, with a comma, and more words to pass the length. ";
        String html = "<body><div class='post-content'><p>" + prose + "</p></div><div class='sidebar widget'><p>" + prose
                + prose + "</p></div><div class='post-content' id='main-story'><p>" + prose + prose + prose + "</p><p>" + prose
                + "</p></div><div class='Post-Content'><p>" + prose + "</p></div></body>";
        Document doc = Jsoup.parse(html, BASE);
        for (Element el : doc.body().getAllElements()) {
            assertEquals(Hints.classWeight(el), Hints.classWeight(Hints.classAndId(el)), el.cssSelector());
        }
        Element story = doc.getElementById("main-story");
        Element picked = ContentExtractor.mainContent(doc, PageIndex.of(doc).bodyStats(), doc.body().getAllElements(), null);
        assertTrue(picked.getAllElements().contains(story), picked.outerHtml());
        assertFalse(picked.text().isEmpty());
    }

    @Test
    void aRepeatedClassNameIsJudgedAlikeOnEveryElementThatCarriesIt() {
        // the same class-and-id on several elements: judged once, each element still handled as on its own
        String html = "<body><div><p>Kept paragraph of text.</p><div class='Share-Bar'>share one</div>"
                + "<div class='share-bar'>share two</div><div class='share-bar' itemprop='articleBody'>marked body</div>"
                + "<span class='note'>kept note</span><div class='share-bar'>share three</div><span class='note'>kept again</span>"
                + "</div></body>";
        Document doc = Jsoup.parse(html, BASE);
        Map<Element, ContentExtractor.Stats> stats = WalkedJunkRemoval.removeJunk(doc, PageIndex.of(doc).bodyStats());
        String text = doc.body().text();
        assertEquals("Kept paragraph of text. marked body kept notekept again", text);
        for (Element el : Jsoup.parse(html, BASE).body().getAllElements()) {
            String ci = Hints.classAndId(el);
            if (ci.contains("share")) {
                assertTrue(Hints.isNegative(ci), ci);
            }
        }
        assertSameStatistics(ContentExtractor.stats(doc.body()), stats, doc.body(), false);
    }

    @Test
    void textBlocksOfDivsVoteOnlyWithTheirOwnTextAndNoBlockChildren() {
        String prose = "Words of the article, with a comma, and more words to pass the length. ";
        String html = "<body><div id='wrap'><div id='story'><div>" + prose + "</div><div>" + prose + "</div><div>" + prose
                + "</div></div><div id='nested'><div>\n <p>short</p> \n</div><section>  <div>x</div>  </section></div></div></body>";
        Document doc = Jsoup.parse(html, BASE);
        Element picked = ContentExtractor.mainContent(doc, PageIndex.of(doc).bodyStats(), doc.body().getAllElements(), null);
        assertEquals("story", picked.id());
        // a block whose own text is white space only, or that holds a block, does not vote
        Document empty = Jsoup.parse("<body><div id='a'><div>\n   <div>" + prose + "</div>\n </div></div></body>", BASE);
        Element inner = empty.select("div").last();
        assertEquals(inner.parent(), ContentExtractor.mainContent(empty, PageIndex.of(empty).bodyStats(), empty.body().getAllElements(), null));
    }

    @Test
    void aBlankCdataTextDoesNotShutTheRelaxedRetryOnAPickItWouldTake() {
        // text() keeps CDATA as it is, spaces and all: its bound is its length, or the retry was skipped here and the
        // article (in a part junk removal takes out) lost
        String prose = "A sentence of real prose about the budget, with commas, clauses and enough words to read as a "
                + "paragraph of an article rather than a caption or a menu, written out at some length. ";
        // the prose is the div's own text: the one text block that scores is the paragraph holding the CDATA
        String html = "<html><head><title>Budget</title></head><body><div hidden>" + prose + prose
                + "<p>x<math><mi><![CDATA[" + " ".repeat(200) + "]]></mi></math>y</p></div></body></html>";
        String text = new ArticleExtractor().extract(html, "https://news.example/budget").text();
        assertTrue(text.contains(prose.trim()), "text: [" + text + "]");
    }
}
