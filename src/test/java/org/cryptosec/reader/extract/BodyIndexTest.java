package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the page index lists for the body stages is what walking the page itself gives. */
class BodyIndexTest {

    private static final String BASE = "https://news.example/2024/05/story";

    @ParameterizedTest
    @ValueSource(strings = {
        "<p class='Lead'>text</p><img data-src='/a.jpg'><noscript><img src='/a.jpg'></noscript><p id='X'>after</p>",
        "<div><noscript><img class='Fallback' src='/b.jpg'><span>b</span></noscript></div><p>after</p>",
        "<noscript><p>enable scripts</p><noscript><b>nested</b></noscript></noscript><div class='Tail'>t</div>",
        "<figure><img src='/c.jpg'><noscript><img src='/c.jpg'><i>x</i></noscript></figure><noscript></noscript>",
        "<div><noscript><noscript><img src='/d.jpg'></noscript></noscript><em>e</em></div>",
        "<p>no noscript at all</p>"})
    void theLiveBodyElementsAreTheBodysElementsOnceNoscriptsAreResolved(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", BASE);
        PageIndex idx = PageIndex.of(doc);
        ContentExtractor.resolveImages(idx.bodyImages(), idx.bodyNoscripts(), new ArrayList<>());
        List<Element> live = idx.liveBodyElements();
        List<Element> walked = doc.body().getAllElements();
        assertEquals(walked, live);
        ClassIds names = idx.classIds(live);
        ClassIds read = ClassIds.of(walked);
        List<ContentExtractor.Stats> byPosition = idx.statsByPosition(live);
        for (int i = 0; i < walked.size(); i++) {
            assertEquals(read.className(i), names.className(i), "class " + i);
            assertEquals(read.id(i), names.id(i), "id " + i);
            org.junit.jupiter.api.Assertions.assertSame(idx.bodyStats().get(walked.get(i)), byPosition.get(i), "stats " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>5 min read</p><aside><p>3 min read</p></aside><div class='Sidebar'><span>2 min</span></div><p>tail text</p>",
        "<div id='related-posts'><p>four min</p></div><script>var long = 'a script body';</script><p>12345</p>",
        "<nav>menu items</nav><footer><p>footer text</p></footer><header><span>header text</span></header><b>x</b>",
        "<div class='post'><p>long text long text long text long text long text long text long text long text long text long text long text long text long text</p><span>  short  </span></div><div class='widget-x'>w</div>",
        "<style>p { color: red }</style><p>\n     \n</p><p>ok</p><div class='teaser'><div><p>inner teaser</p></div></div>"})
    void theReadingTextsAreTheShortTextsOutsideTheOffTopicParts(String body) {
        Document doc = Jsoup.parse("<html><body class='page'>" + body + "</body></html>", BASE);
        List<TextNode> expected = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    boolean offTopic = Hints.isFurnitureTag(tag) || tag.equals("script") || tag.equals("style")
                            || ArticleExtractor.offTopicName(el.className().toLowerCase(java.util.Locale.ROOT))
                            || ArticleExtractor.offTopicName(el.id().toLowerCase(java.util.Locale.ROOT));
                    return offTopic ? FilterResult.SKIP_ENTIRELY : FilterResult.CONTINUE;
                }
                if (node instanceof TextNode t && t.getWholeText().length() >= 5 && t.getWholeText().length() <= 120) {
                    expected.add(t);
                }
                return FilterResult.CONTINUE;
            }
        }, doc.body());
        PageIndex idx = PageIndex.of(doc);
        assertEquals(expected, idx.readingTexts());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(idx.bodyStats().get(expected.get(i).parent()), idx.readingParents().get(i), "parent " + i);
        }
    }

    private static final String PROSE = "<p>Words of a paragraph, with a comma, and more words to make it read like prose "
            + "for more than one hundred characters of text in all.</p>";

    @ParameterizedTest
    @ValueSource(strings = {
        "<div class='Sidebar'><div class='menu-item'>m</div><p class='related'>r</p></div><div class='post'>" + PROSE + "</div>",
        "<form><input></form><div hidden><p>h</p></div><div style='display: none'>x</div><div role='Navigation'>n</div>",
        "<div class='content-with-sidebar'><h1>Head</h1>" + PROSE + PROSE + PROSE + "</div><aside>a</aside>",
        "<div class='share'><div class='share-inner widget'><span class='social'>s</span></div></div><main class='menu'>"
                + PROSE + "</main><a class='share' href='/x'>l</a>",
        "<div itemprop='articleBody' class='comment'>" + PROSE + "</div><svg><g class='ad'></g></svg><o:p>word</o:p>",
        "<noscript><div class='banner'>b</div></noscript><img data-src='/i.jpg'><noscript><img src='/i.jpg'></noscript>",
        "<div class='Widget builder-widget-text'>" + PROSE + "</div><div class='field--label-hidden'>f</div><div id='ads'>x</div>",
        "<div class='author-box'><p>About the writer</p></div><div class='nav'><div class='nav'><p>deep</p></div></div>"})
    void junkRemovalOverTheIndexedElementsAnswersAsTheWalk(String body) {
        String html = "<html><body class='page'>" + body + "</body></html>";
        Document walked = Jsoup.parse(html, BASE);
        Element headline = walked.selectFirst("h1");
        PageIndex walkedIdx = PageIndex.of(walked);
        List<Element[]> walkedRemoved = new ArrayList<>();
        ContentExtractor.resolveImages(walkedIdx.bodyImages(), walkedIdx.bodyNoscripts(), walkedRemoved);
        for (Element[] r : walkedRemoved) {
            ContentExtractor.subtract(walkedIdx.bodyStats(), r[0], r[1], walked.body());
        }
        java.util.Map<Element, ContentExtractor.Stats> walkedStats = WalkedJunkRemoval.removeJunk(walked, walkedIdx.bodyStats(), headline);

        Document indexed = Jsoup.parse(html, BASE);
        PageIndex idx = PageIndex.of(indexed);
        List<Element[]> removed = new ArrayList<>();
        ContentExtractor.resolveImages(idx.bodyImages(), idx.bodyNoscripts(), removed);
        java.util.Map<Element, ContentExtractor.Stats> stats = idx.bodyStats();
        for (Element[] r : removed) {
            ContentExtractor.subtract(stats, r[0], r[1], indexed.body());
        }
        List<Element> left = ContentExtractor.removeJunk(indexed, stats, indexed.selectFirst("h1"), idx.bodyElements(),
                idx.bodyStatsInOrder(), idx.classIds(idx.bodyElements()));

        assertEquals(walked.body().outerHtml(), indexed.body().outerHtml());
        assertEquals(indexed.body().getAllElements(), left);
        List<Element> a = walked.body().getAllElements();
        for (int i = 0; i < a.size(); i++) {
            ContentExtractor.Stats w = walkedStats.get(a.get(i));
            ContentExtractor.Stats x = stats.get(left.get(i));
            assertEquals(w.text + "/" + w.link + "/" + w.longParagraphs + "/" + w.commas,
                    x.text + "/" + x.link + "/" + x.longParagraphs + "/" + x.commas, "figures of " + left.get(i).normalName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Read <a href='/a'>more</a> here, 42 times.</p><div><a href='/b'><img src='/i.jpg'></a><a>x\u00ADy</a></div>",
        "<ul><li><a href='/c'>Één «titel» — ٣ dagen</a></li><li><a href='/d'>tweede</a> en <b>nog</b></li></ul>",
        "<div><span>\u200B</span><pre>  code  1 </pre><p>\u00A0 é ü 漢字、かな，x</p></div>"})
    void theLinksOfEachElementAreThoseItHoldsAlsoAfterARemoval(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>", BASE);
        java.util.Map<Element, ContentExtractor.Stats> stats = PageIndex.of(doc).bodyStats();
        Element gone = doc.body().getAllElements().get(doc.body().getAllElements().size() - 1);
        ContentExtractor.subtract(stats, gone, doc.body());
        gone.remove();
        for (Element el : doc.body().getAllElements()) {
            assertEquals(el.getElementsByTag("a").size(), stats.get(el).links, "links of " + el.normalName());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<nav><p>PROSE</p></nav><div class='Related-Posts'><p>PROSE</p></div><form><p>PROSE</p></form><p>short</p>",
        "<div id='COMMENTS'><ul><li>PROSE</li><li>PROSE</li></ul></div><aside><p>PROSE</p></aside><p>short</p>",
        "<div class='co\u212Akie'><p>PROSE</p><p>PROSE</p></div><p>short</p>",
        "<div class='post'><div class='share'><p>PROSE</p></div><p>PROSE</p><header><p>PROSE</p></header></div>"})
    void theRelaxedBoundLeavesOutWhatTheRelaxedPickDropsAndStillBoundsIt(String body) {
        String prose = "Words of a paragraph, with a comma, and more words to make it read like prose, twice over. ";
        String html = "<html><body>" + body.replace("PROSE", prose + prose) + "</body></html>";
        long bound = PageIndex.of(Jsoup.parse(html, BASE)).relaxedScoreBound();
        org.junit.jupiter.api.Assertions.assertNull(ArticleExtractor.relaxedContent(html, BASE, (int) bound + 1), "bound " + bound);
        // one block of prose at most is left to count (the Kelvin sign lower-cases to k, but the relaxed pick keeps it)
        org.junit.jupiter.api.Assertions.assertTrue(bound <= (body.contains("\u212A") ? 4 * prose.length() + 20 : 2 * prose.length() + 8),
                "bound " + bound);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a menu of links: what its text blocks add is bounded by their text less their links'
        "<ul><li><a href='/a'>Home</a></li><li><a href='/b'>World news</a></li><li>PROSE</li></ul>",
        // a link around a paragraph: the paragraph's own links do not hold it, so it scores whole
        "<div><a href='/x'><p>PROSE</p></a><p>short <a href='/y'>link</a> here</p></div>",
        // nested links, and links whose text() leaves out a soft hyphen or a zero-width space
        "<div><p><a href='/a'>outer <a href='/b'>inner</a> text</a> and words</p><p><a>Ver\u00ADsicherung</a> x</p>"
            + "<p><a>zero\u200Bwidth</a> y</p><p><a>\u00A0spaced\u00A0</a> z</p></div>",
        // exactly half of a block linked, links in a dropped part, links in pre and in a line break
        "<div><p><a>abcd</a>efgh</p><p>PROSE<span class='share'><a>shared link text, shared link text, shared link text</a></span></p>"
            + "<pre><a>  code\n  link </a>text</pre><p><a>one<br>two</a>three four five six</p></div>",
        "<div><li><a>   </a>PROSE</li><li> <a> a </a> <a>b</a> </li><dd><a href='/a'><b>bold</b> <i>link</i></a>tail</dd></div>",
        // white space text() keeps (an em space, a vertical tab, an ideographic space) next to what it collapses
        "<div><p>\u2003\u2003PROSE\u2003\u2003</p><p>\u000B\u000B x \u000B\u000B</p><p>\n\t\u3000\u3000\t PROSE</p></div>",
        // runs of white space at both ends and inside, no-break spaces, and a pre and a textarea that keep them whole
        "<div><p>\n\t\t\tPROSE\n\t\t</p><p> \u00A0 a \u00A0\u00A0 b \u00A0 </p><pre>\n   spaced   out   \n</pre>"
            + "<p><textarea>  kept   as   it  is  </textarea></p><p><span>\n  </span>  PROSE  <span> \n </span></p></div>",
        // CDATA (in MathML), which text() keeps as it is, white space and all
        "<div><p><math><mi><![CDATA[a            b            c]]></mi></math> PROSE</p><p><math><![CDATA[      ]]></math>x</p></div>"})
    void theRelaxedBoundLessTheLinksStillBoundsTheRelaxedPick(String body) {
        String prose = "Words of a paragraph, with a comma, and more words to make it read like prose, twice over. ";
        String html = "<html><body>" + body.replace("PROSE", prose) + "</body></html>";
        long bound = PageIndex.of(Jsoup.parse(html, BASE)).relaxedScoreBound();
        // the score of the relaxed pick: the least minimum it is not taken at, less one
        int score = 0;
        while (ArticleExtractor.relaxedContent(html, BASE, score + 1) != null) {
            score++;
        }
        org.junit.jupiter.api.Assertions.assertTrue(score <= bound, "score " + score + " bound " + bound);
        org.junit.jupiter.api.Assertions.assertNull(ArticleExtractor.relaxedContent(html, BASE, (int) bound + 1), "bound " + bound);
    }

    @org.junit.jupiter.api.Test
    void indentationInTheSourceDoesNotRaiseTheRelaxedBound() {
        String prose = "Words of a paragraph, with a comma, and more words to make it read like prose, twice over. ";
        String indent = "\n" + "\t".repeat(12);
        String html = "<html><body><div>" + (indent + "<p>" + indent + prose + indent + "</p>").repeat(3) + "</div></body></html>";
        long bound = PageIndex.of(Jsoup.parse(html, BASE)).relaxedScoreBound();
        // each paragraph's text() is the prose trimmed; its source text is 26 characters longer
        org.junit.jupiter.api.Assertions.assertTrue(bound <= 3 * (prose.length() + 4), "bound " + bound);
        org.junit.jupiter.api.Assertions.assertNotNull(ArticleExtractor.relaxedContent(html, BASE, 3 * (prose.length() - 1)));
    }

    @org.junit.jupiter.api.Test
    void theRelaxedBoundOfAMenuOfLinksLeavesTheLinksOut() {
        String menu = "<ul>" + "<li><a href='/s'>A section of the site</a></li>".repeat(40) + "</ul><p>Short.</p>";
        long bound = PageIndex.of(Jsoup.parse("<html><body>" + menu + "</body></html>", BASE)).relaxedScoreBound();
        // the links' text (21 characters each) counts for nothing; without them the bound was 40 items of 23 or more
        org.junit.jupiter.api.Assertions.assertTrue(bound < 40, "bound " + bound);
    }

    @org.junit.jupiter.api.Test
    void theFiguresPassTellsBlankTextAsTheRendererDoesOnEveryCharacter() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String s : new String[] {String.valueOf(c), " \n" + c + "\t", c + "\u00A0x"}) {
                boolean[] shape = ContentExtractor.textShape(s);
                assertEquals(TextRenderer.collapsesToSpace(s), shape[0], "char " + (int) c);
                assertEquals(s.indexOf('\u00A0') >= 0 || s.indexOf('\u200B') >= 0, shape[1], "char " + (int) c);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "comment-list", "sharedaddy widget", "reply reply", "gdpr-consent privacy",
        "co", "re", "recommended-popular-related-teaser", "SIDEBAR", "side bar", "newslette", "coookie cookie"})
    void theWordTableFindsWhatContainsFinds(String s) {
        String[] words = {"comment", "reply", "respond", "related", "sidebar", "widget", "share", "cookie", "newsletter",
            "consent", "gdpr", "privacy", "teaser", "popular", "recommend", "re"};
        Hints.Words table = new Hints.Words(words);
        long found = table.in(s);
        for (int w = 0; w < words.length; w++) {
            assertEquals(s.contains(words[w]), (found & 1L << w) != 0, words[w]);
            assertEquals(s.contains(words[w]), (found & table.mask(words[w])) != 0, words[w]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"<div><p><img></p><img src='/a.jpg'></div>", "<img src='/b.jpg'>", "<div><span>x</span></div>",
        "<div><noscript><img src='/c.jpg'></noscript></div>", "<div><p></p><p><i><img data-src='/d'></i></p></div>"})
    void theFirstElementWithATagIsWhatTheQueriesFind(String body) {
        Element root = Jsoup.parse("<html><body>" + body + "</body></html>").body().child(0);
        List<Element> imgs = root.getElementsByTag("img");
        assertEquals(imgs.isEmpty() ? null : imgs.get(0), ContentExtractor.firstWithTag(root, "img"));
        assertEquals(root.selectFirst("img[src]"), ContentExtractor.firstWithTag(root, "img", "src"));
        assertEquals(root.selectFirst("span"), ContentExtractor.firstWithTag(root, "span"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<div class='Entry-Content' id='Main'>" + "PROSE" + "PROSE" + "</div><div class='sidebar'>PROSE</div>",
        "<article><div class='post-body'>PROSE</div><div class='post-body'>PROSE</div></article><div id='comments'>PROSE</div>",
        "<div><div class='a'>PROSE</div><div class='b' itemprop='articleBody'>PROSE PROSE</div></div>"})
    void theMainContentPickedWithTheIndexedNamesIsThePlainPick(String body) {
        String html = "<html><body>" + body.replace("PROSE", PROSE) + "</body></html>";
        Document plain = Jsoup.parse(html, BASE);
        String expected = ContentExtractor.mainContent(plain, PageIndex.of(plain).bodyStats(), plain.body().getAllElements(), null).outerHtml();
        Document indexed = Jsoup.parse(html, BASE);
        PageIndex idx = PageIndex.of(indexed);
        assertEquals(expected, ContentExtractor.mainContent(indexed, idx.bodyStats(), idx.bodyElements(),
                idx.classIds(idx.bodyElements())).outerHtml());
    }
}
