package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The relaxed pick reads the page with the first pick's changes undone instead of parsing it again: undone, the page
 * must be exactly as parsed (same nodes, names, attributes in order, texts), and the extraction the same as one that
 * re-parses. Checked here on pages made to hit every kind of change and on random pages; PageChangesCorpusTest does
 * the same on every benchmark page.
 */
class PageChangesTest {

    private static final String URL = "https://news.example/2024/05/01/exchange-hacked";

    /** Pages that make the first pick change the page in each way it can. */
    static final List<String> PAGES = List.of(
            // lazy images (data-src, srcset, a picture's source), noscript fallbacks kept and dropped
            "<html><head><title>Exchange hacked</title></head><body><article><h1>Exchange hacked</h1>"
                    + "<p>" + "The exchange lost funds to the attackers overnight. ".repeat(8) + "</p>"
                    + "<img data-src='/a.jpg' src='data:image/gif;base64,R0lG' srcset='/a-1x.jpg 1x, /a-2x.jpg 2x'>"
                    + "<img src='/b.jpg' data-srcset='/b-300.jpg 300w, /b-900.jpg 900w' alt=b ismap>"
                    + "<picture><source srcset='/c-1.webp 1x, /c-2.webp 2x'><img></picture>"
                    + "<img class=lazy src='/spacer.gif'><noscript><img src='/d.jpg'></noscript>"
                    + "<noscript><p>Please enable JavaScript.</p></noscript>"
                    + "<img src='https://news.example/e.jpg'><noscript><img src='/e.jpg'></noscript>"
                    + "<img src='https://news.example/f.jpg' srcset='https://news.example/f.jpg 1x, /f-2x.jpg 2x' alt=f>"
                    + "<p>" + "Investigators traced the coins through mixers. ".repeat(6) + "</p></article></body></html>",
            // an author box, junk by tag, attribute and class, a lead shown apart, boilerplate inside the content
            "<html><head><meta name=description content='A lead that sums up the whole hack in one line.'>"
                    + "<title>Hack | News</title></head><body><nav><a href=/>Home</a></nav>"
                    + "<p class=standfirst>A lead that sums up the whole hack in one line.</p>"
                    + "<div class=content><h1>Hack</h1><p>Share this article</p><p>Advertisement</p>"
                    + "<p>" + "Hackers drained the hot wallet of the exchange. ".repeat(9) + "</p>"
                    + "<div hidden><p>Hidden text that is not the article at all.</p></div>"
                    + "<div style='display:none'>gone</div><aside class=sidebar><p>Popular posts</p></aside>"
                    + "<ul><li><a href=/2024/05/02/other>Other story one</a></li><li><a href=/2024/05/03/more>Other story two</a></li></ul>"
                    + "<img src='https://track.example/pixel.gif' width=1 height=1>"
                    + "<p>" + "The stolen funds were moved within the hour. ".repeat(7) + "</p>"
                    + "<div class='author-box'><h3>About the author</h3><p>Jane Doe writes about security and crypto "
                    + "for the paper, and has done so for ten years now.</p></div>"
                    + "<div class='comments'><p>Comment one</p></div></div><footer>Footer</footer></body></html>",
            // good siblings merged into a new element around the best block
            "<html><body><div id=page><div class=intro><p>" + "An intro paragraph of the story, long enough. ".repeat(4)
                    + "</p></div><div class=story><p>" + "The main body of the story goes on here. ".repeat(10)
                    + "</p><p>" + "And a second paragraph of the same main body. ".repeat(8) + "</p></div>"
                    + "<p>" + "A loose paragraph after the body that belongs to it. ".repeat(3) + "</p>"
                    + "<div class=story><p>" + "More of the story in a block of the same class. ".repeat(6)
                    + "</p></div></div></body></html>",
            // junk removal takes the article: the relaxed pick reads the page undone
            "<html><body><div class=layout><div hidden><p>" + "The real article hides in a hidden block. ".repeat(12)
                    + "</p><p>" + "Its second paragraph is also inside the hidden block. ".repeat(10) + "</p></div>"
                    + "<div class=x><p>Short.</p></div></div><noscript><img src='/n.jpg'></noscript></body></html>",
            // table parts, text around removed parts, comments and a template
            "<html><body><table><tr><td><p>" + "A story in a table cell, the old way of laying out pages. ".repeat(8)
                    + "</p></td><td class=ad>Ad</td></tr></table>a <!-- c --> b<script>var x = 1;</script> c"
                    + "<template><p>t</p></template><form><input name=q></form></body></html>");

    @Test
    void theUndonePageIsThePageAsParsed() {
        int[] changes = {0};
        ArticleExtractor checked = new ArticleExtractor((doc, made) -> {
            assertSameTree(HtmlText.parse(currentHtml, URL), doc);
            changes[0] += made;
        });
        ArticleExtractor plain = new ArticleExtractor();
        for (String html : PAGES) {
            currentHtml = html;
            assertEquals(plain.extractDetailed(html, URL), checked.extractDetailed(html, URL), html);
        }
        assertTrue(changes[0] >= 20, "changes made and undone: " + changes[0]);
    }

    @Test
    void theUndonePageIsThePageAsParsedOnRandomPages() {
        Random random = new Random(20261124);
        int[] changes = {0};
        ArticleExtractor checked = new ArticleExtractor((doc, made) -> {
            assertSameTree(HtmlText.parse(currentHtml, URL), doc);
            changes[0] += made;
        });
        ArticleExtractor plain = new ArticleExtractor();
        for (int round = 0; round < 400; round++) {
            currentHtml = randomPage(random);
            assertEquals(plain.extractDetailed(currentHtml, URL), checked.extractDetailed(currentHtml, URL), currentHtml);
        }
        assertTrue(changes[0] >= 2000, "changes made and undone: " + changes[0]);
    }

    /** The relaxed pick over the undone page is the pick over a new parse, on the pages that take it. */
    @Test
    void theRelaxedPickOfTheUndonePageIsThatOfANewParse() {
        String html = PAGES.get(3);
        Document[] undone = {null};
        new ArticleExtractor((doc, made) -> undone[0] = doc.clone()).extractDetailed(html, URL);
        Element fromUndone = ArticleExtractor.relaxedContent(undone[0], ArticleExtractor.TINY_TEXT);
        Element fromParse = ArticleExtractor.relaxedContent(html, URL, ArticleExtractor.TINY_TEXT);
        assertTrue(fromParse != null, "the page takes the relaxed pick");
        assertEquals(fromParse.outerHtml(), fromUndone.outerHtml());
    }

    /** A change the log does not know of is found: the check can fail. */
    @Test
    void aChangeOutsideTheLogIsFound() {
        Document parsed = HtmlText.parse(PAGES.get(1), URL);
        Document changed = HtmlText.parse(PAGES.get(1), URL);
        changed.body().child(0).attr("data-x", "1");
        assertThrowsAssertion(() -> assertSameTree(parsed, changed));
        Document split = HtmlText.parse(PAGES.get(1), URL);
        ((TextNode) split.selectFirst("h1").childNode(0)).splitText(2);
        assertThrowsAssertion(() -> assertSameTree(parsed, split));
        Document unsettled = HtmlText.parse(PAGES.get(1), URL);
        PageChanges changes = new PageChanges();
        changes.remove(unsettled.selectFirst("nav"));
        unsettled.selectFirst("footer").remove();
        changes.undo(unsettled);
        assertThrowsAssertion(() -> assertSameTree(parsed, unsettled));
    }

    private static String currentHtml;

    private static void assertThrowsAssertion(Runnable r) {
        try {
            r.run();
        } catch (AssertionError expected) {
            return;
        }
        fail("the difference was not found");
    }

    private static final String[] TAGS = {"div", "section", "p", "span", "a", "img", "noscript", "nav", "aside", "ul",
        "li", "h1", "h2", "figure", "figcaption", "table", "td", "b", "i", "script", "form", "header", "footer", "article"};
    private static final String[] CLASSES = {"content", "article-body", "sidebar", "related", "share", "author-box",
        "comments", "lazy", "ad", "promo", "story", "byline", "hidden", "teaser", "widget"};
    private static final String[] TEXTS = {"The exchange was hacked overnight and funds were lost. ", "Share ", "Advertisement ",
        "Read more ", "By Jane Doe ", "Photo: Reuters ", "7 februari 2022 ", "Investigators followed the coins. ", "a ", ""};

    /** A random page of nested blocks, classes, images (some lazy), noscripts and texts. */
    static String randomPage(Random random) {
        StringBuilder html = new StringBuilder("<html><head><title>Exchange hacked</title>");
        if (random.nextBoolean()) {
            html.append("<meta name=description content='The exchange was hacked overnight and funds were lost.'>");
        }
        html.append("</head><body>");
        java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
        for (int k = 0, n = 20 + random.nextInt(120); k < n; k++) {
            int what = random.nextInt(10);
            if (what < 2 && !open.isEmpty()) {
                html.append("</").append(open.pop()).append('>');
            } else if (what < 5) {
                html.append(TEXTS[random.nextInt(TEXTS.length)].repeat(1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 2)));
            } else if (what == 5) {
                html.append("<img ").append(random.nextBoolean() ? "data-src=/l" + k + ".jpg " : "")
                        .append(random.nextBoolean() ? "src=/i" + k + ".jpg " : random.nextBoolean() ? "src='data:x' " : "")
                        .append(random.nextBoolean() ? "srcset='/s" + k + ".jpg 2x' " : "")
                        .append(random.nextInt(4) == 0 ? "width=1 height=1 " : "").append(random.nextBoolean() ? "alt " : "")
                        .append('>');
            } else {
                String tag = TAGS[random.nextInt(TAGS.length)];
                html.append('<').append(tag);
                if (random.nextBoolean()) {
                    html.append(" class='").append(CLASSES[random.nextInt(CLASSES.length)]).append('\'');
                }
                if (random.nextInt(8) == 0) {
                    html.append(random.nextBoolean() ? " hidden" : " style='display:none'");
                }
                if (tag.equals("a")) {
                    html.append(" href='/2024/05/0").append(random.nextInt(9)).append("/story'");
                }
                html.append('>');
                if (tag.equals("img")) {
                    continue;
                }
                open.push(tag);
            }
        }
        return html.append("</body></html>").toString();
    }

    /** Fails unless the two trees hold the same nodes: kinds, names, attributes (order, values, keys without one), texts. */
    static void assertSameTree(Node expected, Node actual) {
        List<String> path = new ArrayList<>();
        compare(expected, actual, path);
    }

    private static void compare(Node expected, Node actual, List<String> path) {
        String where = String.join(" > ", path);
        assertEquals(expected.getClass(), actual.getClass(), where);
        assertEquals(expected.nodeName(), actual.nodeName(), where);
        if (expected instanceof Element e) {
            Element a = (Element) actual;
            assertEquals(attributes(e), attributes(a), where + " > " + e.normalName());
        } else {
            assertEquals(expected.outerHtml(), actual.outerHtml(), where);
            if (expected instanceof TextNode t) {
                assertEquals(t.getWholeText(), ((TextNode) actual).getWholeText(), where);
            }
        }
        assertEquals(expected.childNodeSize(), actual.childNodeSize(), where + " > " + expected.nodeName() + ": children");
        path.add(expected.nodeName());
        for (int i = 0; i < expected.childNodeSize(); i++) {
            compare(expected.childNode(i), actual.childNode(i), path);
        }
        path.remove(path.size() - 1);
    }

    /** An element's attributes in order, as "name=value" (valueless ones as "name"). */
    static List<String> attributes(Element e) {
        List<String> list = new ArrayList<>();
        for (Attribute a : e.attributes()) {
            list.add(a.getKey() + (a.hasDeclaredValue() ? "=" + a.getValue() : ""));
        }
        return list;
    }

    /**
     * The relaxed pick's scoring, which reads child elements off the child nodes and links off a walk, picks what the
     * plain reading (children(), getElementsByTag("a")) picks, on random pages with links in and around text blocks.
     */
    @Test
    void theRelaxedScoringPicksWhatThePlainReadingPicks() {
        Random random = new Random(7);
        int picked = 0;
        for (int round = 0; round < 600; round++) {
            String html = randomPage(random);
            for (int minimum : new int[] {1, ArticleExtractor.TINY_TEXT}) {
                Element fast = ArticleExtractor.relaxedContent(html, URL, minimum);
                Element plain = plainRelaxedContent(html, minimum);
                assertEquals(plain == null ? null : plain.cssSelector(), fast == null ? null : fast.cssSelector(), html);
                picked += fast == null ? 0 : 1;
            }
        }
        assertTrue(picked > 150, "picks compared: " + picked);
    }

    /** The relaxed pick as first written: the drops, then children() and getElementsByTag("a") for the scores. */
    private static Element plainRelaxedContent(String html, int minimum) {
        Document d = HtmlText.parse(html, URL);
        ArticleExtractor.relaxedContent(d, Integer.MAX_VALUE); // the drops only: no block scores that much
        Element best = null;
        int bestScore = 0;
        for (Element el : d.body().getAllElements()) {
            int score = 0;
            for (Element child : el.children()) {
                if (ArticleExtractor.isRelaxedBlock(child.normalName())) {
                    int len = child.text().length();
                    int linked = 0;
                    for (Element a : child.getElementsByTag("a")) {
                        linked += a.text().length();
                    }
                    if (len > 0 && linked * 2 < len) {
                        score += len - linked;
                    }
                }
            }
            if (score > bestScore) {
                best = el;
                bestScore = score;
            }
        }
        return bestScore >= minimum ? best : null;
    }

    /** An undo that cannot be done (the page changed behind the log) gives a new parse of the page, not a failure. */
    @Test
    void aPageTheLogCannotUndoIsParsedAgain() {
        String html = PAGES.get(1);
        Document doc = HtmlText.parse(html, URL);
        PageChanges changes = new PageChanges();
        Element footer = doc.selectFirst("footer");
        Element body = footer.parent();
        changes.remove(footer);
        body.empty(); // behind the log: the removed element's place is gone
        Document page = ArticleExtractor.pageAsParsed(doc, changes, html, URL);
        assertTrue(page != doc, "a new parse");
        assertSameTree(HtmlText.parse(html, URL), page);
        Document undone = HtmlText.parse(html, URL);
        PageChanges fine = new PageChanges();
        fine.remove(undone.selectFirst("nav"));
        assertTrue(ArticleExtractor.pageAsParsed(undone, fine, html, URL) == undone, "undone in place");
    }

    /**
     * A relative base href is resolved once, against the page's address, in the relaxed pick as in the first (a
     * second parse with the resolved base had resolved it twice: "../../" then gave the site's root): the page
     * extracts as with its base written out whole.
     */
    @Test
    void aRelativeBaseIsResolvedOnceInTheRelaxedPick() {
        String links = "<ul><li><a href='./'>A headline of another story on this site</a></li><li><a href='./'>Another "
                + "headline of a story on the site here</a></li><li><a href='./'>Yet another headline of a story on "
                + "this site</a></li></ul>";
        String page = "<html><head><base href='%s'></head><body><div class=layout><div hidden><p>"
                + "The real article hides in a hidden block of this page. ".repeat(12) + "</p>" + links + "<p>"
                + "Its second paragraph is also inside the same hidden block. ".repeat(10) + "</p></div><div class=x>"
                + "<p>Short.</p></div></div></body></html>";
        ArticleExtractor extractor = new ArticleExtractor();
        ExtractedArticle relative = extractor.extract(String.format(page, "../../"), URL);
        ExtractedArticle whole = extractor.extract(String.format(page, "https://news.example/2024/"), URL);
        assertTrue(relative.text().length() >= ArticleExtractor.TINY_TEXT, "the relaxed pick: " + relative.text());
        assertEquals(whole, relative);
    }
}
