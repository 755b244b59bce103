package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The kinds of indexed elements the metadata stages query hold every element their selectors match. */
class MetadataKindsTest {

    private static final String PAGE = "<html lang=en><head><title>T</title>"
            + "<meta property='article:published_time' content='2021-01-02T03:04:05Z'>"
            + "<meta itemprop='datePublished' content='2021-01-02'>"
            + "<link rel='canonical' href='/a'><link rel='image_src' href='/i.jpg'><link rel='Author' href='/jane'>"
            + "<link rel='stylesheet' href='/s.css'></head><body>"
            + "<header><h1 class='logo'>Site</h1></header>"
            + "<main><article><h1 itemprop='headline'>The headline of the day</h1>"
            + "<h2>Part one</h2><h3 itemprop='alternativeHeadline'>Sub</h3>"
            + "<span itemprop='author' itemscope><span itemprop='name'>Jane Doe</span></span>"
            + "<a rel='author' href='/jane'>Jane Doe</a><a rel='nofollow tag' href='/t/x'>X</a><a href='/plain'>plain</a>"
            + "<time pubdate datetime='2021-01-02'>2 Jan</time><time class='published' datetime='2021-01-03'>3 Jan</time>"
            + "<time class='entry-date'>4 Jan</time><div property='dateCreated' content='2021-01-01'></div>"
            + "<a itemprop='creator' rel='me' href='/j'>J</a></article></main>"
            + "<h1 style='display:none'>Hidden</h1><h2>Related</h2></body></html>";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"article h1, main h1, [itemprop=headline]", "h1", "h2, h3", "h1, h2", "[itemprop=headline]",
        "[itemprop=datePublished][datetime], [itemprop=datePublished][content], [property~=(?i)datePublished|dateCreated][content],"
            + " time[pubdate][datetime], time.published[datetime], time.entry-date[datetime]",
        "[itemprop~=(?i)^(author|creator)$]"})
    void headingMicrodataAndTimeSelectorsFindAmongTheMarks(String css) {
        Document doc = Jsoup.parse(PAGE, "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        Evaluator query = PageIndex.query(css);
        assertEquals(doc.select(css), idx.select(query, idx.marks()));
        assertSame(doc.selectFirst(css), idx.selectFirst(query, idx.marks()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h1", "h2, h3", "h1, h2"})
    void headingSelectorsFindAmongTheHeadings(String css) {
        Document doc = Jsoup.parse(PAGE, "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        assertEquals(doc.select(css), idx.select(PageIndex.query(css), idx.headings()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a[rel~=(?i)\\btag\\b]", "link[rel=image_src][href]", "link[rel=canonical][href]",
        "a[rel~=(?i)\\bauthor\\b], link[rel~=(?i)\\bauthor\\b]", "a[rel~=(?i)author]"})
    void relSelectorsFindAmongTheRelLinks(String css) {
        Document doc = Jsoup.parse(PAGE, "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        Evaluator query = PageIndex.query(css);
        assertEquals(doc.select(css), idx.select(query, idx.rels()));
        assertSame(doc.selectFirst(css), idx.selectFirst(query, idx.rels()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h1", "a[rel~=(?i)\\bauthor\\b], link[rel~=(?i)\\bauthor\\b]"})
    void anElementRemovedFromThePageIsNoLongerFound(String css) {
        Document doc = Jsoup.parse(PAGE, "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        Evaluator query = PageIndex.query(css);
        java.util.List<Element> among = css.equals("h1") ? idx.marks() : idx.rels();
        Element first = doc.selectFirst(css);
        first.remove();
        assertEquals(doc.select(css), idx.select(query, among));
        assertSame(doc.selectFirst(css), idx.selectFirst(query, among));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<h1>The headline of this story</h1><span itemprop='datePublished'>3 May 2021</span><p>Text of 1 June 2020</p>",
        "<h1>The headline of this story</h1><div><time datetime='2021-05-03T10:00:00Z'>yesterday</time></div>",
        "<h1>The headline of this story</h1><p class='Post-Date'>3 May 2021</p><span itemprop='dateModified'>4 May 2021</span>",
        "<span itemprop=datePublished>3 May 2021</span><h1>The headline of this story</h1><p>1 June 2020</p>",
        "<h1>The headline of this story</h1><a itemprop='author' href='/j'>Jane</a><div id='DATE'>3 May 2021</div>"})
    void theDateMarksFoundWithTheIndexAreThoseOfEveryElement(String body) {
        String html = "<html><head><meta itemprop='datePublished' content='2019-01-01'><time datetime='2018-01-01'></time>"
                + "</head><body>" + body + "</body></html>";
        Document doc = Jsoup.parse(html, "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        Element h1 = doc.selectFirst("h1");
        assertEquals(java.time.Instant.parse("2021-05-03T" + (body.contains("T10") ? "10" : "00") + ":00:00Z"),
                VisibleDates.fromMarked(doc, h1, idx.dateMarks()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"<span itemprop='Author'>Jane Doe</span>", "<a rel='Author' href='/jane'>Jane Doe</a>",
        "<div class='post-byline'>Jane Doe</div>", "<p id='author-line'>Jane Doe</p>"})
    void aBylineMarkedByItempropRelClassOrIdIsFoundNearTheTitle(String byline) {
        String html = "<html><head><link rel='author' href='/x'><meta itemprop='author' content='X'></head><body>"
                + "<a rel='tag' href='/t'>t</a><h1>The headline of this story</h1>" + byline + "<p>Text.</p></body></html>";
        ExtractedArticle a = new ArticleExtractor().extract(html, "https://example.org/a");
        assertEquals(List.of("Jane Doe"), a.authors().stream().map(org.cryptosec.reader.model.Author::name).toList());
    }

    @org.junit.jupiter.api.Test
    void positionsFollowTheBodyAfterAnElementIsRemovedOrUnwrapped() {
        Document doc = Jsoup.parse("<html><head><meta property='og:title' content='T'></head><body><div id=a>"
                + "<noscript><span itemprop=x>n</span></noscript><h2>A</h2><p class=gone><time datetime=2020-01-01>t</time></p>"
                + "<a rel=author href=/j>J</a><h3>B</h3></div></body></html>", "https://example.org/");
        PageIndex idx = PageIndex.of(doc);
        doc.selectFirst("noscript").unwrap();
        doc.selectFirst("p.gone").remove();
        List<Element> live = doc.body().getAllElements();
        int[] marks = idx.positionsIn(live, idx.marksAt());
        for (int j = 0; j < marks.length; j++) {
            Element el = idx.marks().get(j);
            assertEquals(live.indexOf(el), marks[j], el.toString());
        }
        int[] rels = idx.positionsIn(live, idx.relsAt());
        assertEquals(live.indexOf(doc.selectFirst("a")), rels[0]);
        assertSame(idx.marksAt(), idx.positionsIn(idx.bodyElements(), idx.marksAt()));
        List<Element> foreign = new java.util.ArrayList<>(live);
        foreign.add(1, new Element("div"));
        assertEquals(null, idx.positionsIn(foreign, idx.marksAt()));
    }

    @org.junit.jupiter.api.Test
    void aMicrodataBylineBesideTheHeadlineCompletesAFirstNameOnAPageWithNoscriptImages() {
        // the structured data names "Jane" only: the byline shown beside the headline gives the full name
        String html = "<html><head><script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
                + "\"The headline of this story\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane\"}}</script></head>"
                + "<body><h1>The headline of this story</h1><noscript><img src='/a.jpg'></noscript>"
                + "<div class='meta'><span itemprop='author'><a href='/people/jane'>Jane Doe</a></span></div>"
                + "<p>Text of the article, long enough to be one.</p></body></html>";
        ExtractedArticle a = new ArticleExtractor().extract(html, "https://example.org/a");
        assertEquals(List.of("Jane Doe"), a.authors().stream().map(org.cryptosec.reader.model.Author::name).toList());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a[rel~=(?i)\\btag\\b]|tag", "a[rel~=(?i)\\bauthor\\b], link[rel~=(?i)\\bauthor\\b]|author"})
    void relLinksNamingTheWordHoldEveryMatchOfTheirQuery(String row) {
        String css = row.substring(0, row.indexOf('|'));
        String word = row.substring(row.indexOf('|') + 1);
        Document doc = Jsoup.parse(PAGE + "<a rel='TAG' href='/t/y'>Y</a><a rel='tagged' href='/t/z'>Z</a>"
                + "<a rel='coauthor' href='/c'>C</a><a rel=' Author ' href='/d'>D</a>", "https://example.org/a");
        PageIndex idx = PageIndex.of(doc);
        List<Element> naming = ArticleExtractor.relNaming(idx.rels(), word);
        assertEquals(doc.select(css), idx.select(PageIndex.query(css), naming));
        for (Element el : naming) {
            org.junit.jupiter.api.Assertions.assertTrue(el.attr("rel").toLowerCase(java.util.Locale.ROOT).contains(word), el.toString());
        }
    }

    @ParameterizedTest(name = "rel \"{0}\" names \"{1}\": {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "nofollow AUTHOR|author|true", "Author|author|true", "co-author|author|true", "autho|author|false",
        "nofollow noopener|author|false", "TAG|tag|true", "tagged|tag|true", "ta g|tag|false",
        "\u017Ftylesheet|stylesheet|true", "\u212Aey|key|true", "\u0130con|icon|true", "pingback|stylesheet|false"})
    void relNamingFindsTheWordInAnyCaseAsAPlainCaseBlindScanDoes(String rel, String word, boolean names) {
        String unescaped = rel; // the long s, the Kelvin sign and the dotted capital I match s, k and i in any case
        Document doc = Jsoup.parse("<body><a href='/x'>X</a></body>", "https://example.org/a");
        Element a = doc.selectFirst("a");
        a.attr("rel", unescaped);
        boolean plain = false;
        for (int i = 0; i + word.length() <= unescaped.length(); i++) {
            plain |= unescaped.regionMatches(true, i, word, 0, word.length());
        }
        assertEquals(names, plain, "the table row itself");
        assertEquals(names ? List.of(a) : List.of(), ArticleExtractor.relNaming(List.of(a), word));
    }

    @ParameterizedTest(name = "a by-line after <{0}> gives {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"nav|Jane Doe", "aside|Jane Doe", "footer|Jane Doe",
        "div|Nick Navarro", "section|Nick Navarro"})
    void theBylineInTheTextIsTheFirstOutsideNavigationAsidesAndFooters(String tag, String expected) {
        String html = "<html><head><title>A headline for this story</title></head><body><div><" + tag + "><ul><li><b>"
                + "<p>By Nick Navarro</p></b></li></ul></" + tag + "><div><span>Filed</span></div></div>"
                + "<main><h1>A headline for this story</h1><div><div><p>By Jane Doe</p></div></div>"
                + "<p>" + "Text of the article that goes on for long enough to be the article. ".repeat(6) + "</p></main></body></html>";
        ExtractedArticle a = new ArticleExtractor().extract(html, "https://example.org/a");
        assertEquals(List.of(expected), a.authors().stream().map(org.cryptosec.reader.model.Author::name).toList());
    }
}
