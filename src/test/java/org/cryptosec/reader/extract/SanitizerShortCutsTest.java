package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The sanitizer's short cuts (a tree kept without serializing and parsing it again; table parts outside a table
 * unwrapped while cleaning) give exactly what the long way gives: the tree cleaned as it is, then serialized, parsed
 * and cleaned again until its HTML settles.
 */
class SanitizerShortCutsTest {

    private static final String BASE = "https://news.example/2024/05/story";

    /** The nesting the markup literally writes (no HTML parsing rules), as a content tree may hold it. */
    private static Element literal(String markup) {
        Document doc = Document.createShell(BASE);
        doc.outputSettings().prettyPrint(false);
        Element root = doc.body();
        Document xml = Jsoup.parse(markup, BASE, Parser.xmlParser());
        for (Node n : xml.childNodes()) {
            root.appendChild(toHtml(n));
        }
        return root;
    }

    private static Node toHtml(Node n) {
        if (n instanceof Element e) {
            Element copy = new Element(e.tagName());
            e.attributes().forEach(a -> copy.attr(a.getKey(), a.getValue()));
            for (Node c : e.childNodes()) {
                copy.appendChild(toHtml(c));
            }
            return copy;
        }
        return new TextNode(((TextNode) n).getWholeText());
    }

    private static String reparsed(String html) {
        Document doc = Jsoup.parseBodyFragment(html, BASE);
        doc.outputSettings().prettyPrint(false);
        return doc.body().html();
    }

    private static void assertSameAsTheLongWay(Element source) {
        String described = source.html().replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        Element longWay = sanitizer.sanitizeByReparse(source, BASE);
        Element shortCut = sanitizer.sanitizeToBody(source, BASE);
        assertEquals(HtmlSanitizer.html(longWay), HtmlSanitizer.html(shortCut), described);
        assertEquals(TextRenderer.render(longWay), TextRenderer.render(shortCut), described);
        HtmlSanitizer.Output output = HtmlSanitizer.output(shortCut);
        assertEquals(HtmlSanitizer.strippedHtml(longWay), output.html(), described);
        assertEquals(TextRenderer.render(longWay), output.text(), described);
        // sanitized and written together: the texts' characters are looked for as they are written
        HtmlSanitizer.Sanitized together = sanitizer.sanitizeToOutput(source, BASE);
        assertEquals(HtmlSanitizer.html(longWay), HtmlSanitizer.html(together.body()), described);
        assertEquals(HtmlSanitizer.strippedHtml(longWay), together.output().html(), described);
        assertEquals(TextRenderer.render(longWay), together.output().text(), described);
        // written to builders sized from the source's figures (its own, or none at all: the builders grow)
        for (ContentExtractor.Stats figures : new ContentExtractor.Stats[] {
            ContentExtractor.stats(source).get(source), new ContentExtractor.Stats()}) {
            HtmlSanitizer.Sanitized sized = sanitizer.sanitizeToOutput(source, BASE, figures);
            assertEquals(together.output().html(), sized.output().html(), described);
            assertEquals(together.output().text(), sized.output().text(), described);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "<p>a carriage\r\nreturn</p><p>and\ranother</p>",
        "<p>a NUL \u0000 here</p>",
        "<p>a form\ffeed</p>",
        "<p>text</p>\r\n<p>more</p>",
        "<p> \r </p><p>\f</p>",
        "<pre>\nfirst line after a break\r\n</pre>",
        "<pre>\nno mark in a pre written by Jsoup</pre><p>x</p>",
        "<figure><img src='/a.png'><figcaption>Photo: an \r agency</figcaption></figure><p>after</p>",
        "<figure><img src='/a.png'><figcaption>Photo: \u0000 agency</figcaption></figure>",
        "<pre>kept \r as it is</pre>",
        "<p>plain text &amp; <b>bold</b>\u00a0and\u200Bmore</p>"})
    void textsWithCharactersTheParserChangesComeOutAsTheLongWayGivesWhenWrittenTogether(String markup) {
        assertSameAsTheLongWay(literal(markup));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "<td>a cell straight in the body</td>",
        "<tr><td>one</td><td>two</td></tr><tr><th>head</th></tr>",
        "<p>before</p><td><div>inline only <i>in a cell</i></div></td><p>after</p>",
        "<em><td><div>a block in a cell in an em</div></td></em>",
        "<p>x<td>y<div>z</div></td>w</p>",
        "<p><td><p>a paragraph in a cell in a paragraph</p></td></p>",
        "<tbody><tr><td>a</td></tr></tbody><thead><tr><th>b</th></tr></thead><tfoot>c</tfoot>",
        "<caption><div>caption <b>alone</b></div></caption>",
        "<tr> </tr><td></td><th> \n </th><tr><td>\u00a0</td></tr>",
        "<p>a</p><td>\n   \n  </td><p>b</p>",
        "<blockquote><td>\n </td></blockquote><p>x<ul><td> </td></ul>y</p>",
        "<a href='/x'><td>cell in a link</td></a><a href='/y'>next</a>",
        "<ul><li><td>a cell in a list item</td></li></ul><li><td>stray</td></li>",
        "<td>cell <table><tbody><tr><td>in a real table</td></tr></tbody></table> and on</td>",
        "<table><tbody><tr><td><em><td>a cell in a cell</td></em></td></tr></tbody></table>",
        "<table><caption><td>a cell in a caption</td></caption></table>",
        "<td><td><td><tr><div>deep <td>stray</td> cells</div></tr></td></td></td>",
        "<blockquote><td><div>quoted</div></td></blockquote><figure><td><img src='/a.png'></td></figure>",
        "<td>carriage\r\nreturn</td><td>\r</td>",
        "<pre><td>\nfirst line</td></pre>",
        "<h2><td><h3>heading in a cell in a heading</h3></td></h2>",
        "<li>an item outside a list</li><li>another <em>one</em></li>",
        "<li>one <em><li>an item in an item</li></em></li>",
        "<dd>a definition outside a list</dd><dt>a term</dt>",
        "<dd>one <b><dt>a term in a definition</dt></b></dd>",
        "<blockquote><li>in a quote</li></blockquote><li>b<blockquote><li>c</li></blockquote></li>",
        "<ul><em><li>an item in an em in a list</li></em></ul>",
        "<p>outer <b><p>inner</p></b></p>"})
    void aMadeUpTreeComesOutAsTheLongWayGives(String markup) {
        assertSameAsTheLongWay(literal(markup));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "<td>a cell straight in the body</td>",
        "<p>before</p><tr><td><div>inline only</div></td></tr><p>after</p>",
        "<em><caption>a caption <b>in an em</b></caption></em>",
        "<p>a</p><td>\n   \n  </td><p>b</p>"})
    void tablePartsOutsideATableComeOutAsAStableTree(String markup) {
        Element once = new HtmlSanitizer().sanitizeToBody(literal(markup), BASE);
        assertTrue(HtmlSanitizer.isParserStable(once), once.html());
        assertFalse(once.html().matches("(?s).*<(td|th|tr|tbody|thead|tfoot|caption)\\b.*"), once.html());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "true|<li>an item outside a list</li><li>another</li>",
        "true|<blockquote><li>in a quote</li></blockquote>",
        "true|<ul><em><li>an item in an em in a list</li></em></ul>",
        "true|<dd>a definition outside a list</dd><dt>a term</dt>",
        "false|<li>one <em><li>an item in an item</li></em></li>",
        "false|<dd>one <b><dt>a term in a definition</dt></b></dd>",
        "false|<dt>one <i><dd>a definition in a term</dd></i></dt>"})
    void anItemIsTakenForStableOnlyWhereTheParserLeavesIt(boolean leftWhereItIs, String markup) {
        Element root = literal(markup);
        assertEquals(leftWhereItIs, root.html().equals(reparsed(root.html())), root.html());
        assertEquals(leftWhereItIs, HtmlSanitizer.isParserStable(root), root.html());
    }

    @ParameterizedTest(name = "[{index}] {0} levels")
    @ValueSource(ints = {60, 120, 300, 700})
    void deeplyNestedStrayCellsComeOutAsTheLongWayGives(int levels) {
        StringBuilder markup = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            markup.append(i % 3 == 0 ? "<em>" : i % 3 == 1 ? "<td>" : "<div>").append("level ").append(i).append(' ');
        }
        for (int i = levels - 1; i >= 0; i--) {
            markup.append(i % 3 == 0 ? "</em>" : i % 3 == 1 ? "</td>" : "</div>");
        }
        assertSameAsTheLongWay(literal(markup.toString()));
    }

    private static final String[] TAGS = {
        "table", "tbody", "thead", "tfoot", "caption", "tr", "td", "th", "td", "tr", "p", "p", "div", "div", "section",
        "span", "em", "b", "a", "li", "li", "ul", "ol", "dl", "dt", "dd", "h2", "h3", "blockquote", "pre", "figure",
        "figcaption", "img", "br", "script", "font"};
    private static final String[] TEXTS = {
        "word", "two words", " ", "", "\n", " lead", "trail ", "\r\n", "a &amp; <b>", "\u00a0", "\t\n  "};

    private static Element randomTree(Random random, int depth) {
        String tag = TAGS[random.nextInt(TAGS.length)];
        Element el = new Element(tag);
        if (tag.equals("a")) {
            el.attr("href", random.nextBoolean() ? "/x" : "javascript:alert(1)");
        } else if (tag.equals("img")) {
            el.attr("src", "/i.png");
        }
        int children = depth >= 6 ? 0 : random.nextInt(4);
        for (int i = 0; i < children; i++) {
            if (random.nextInt(3) == 0) {
                el.appendChild(new TextNode(TEXTS[random.nextInt(TEXTS.length)]));
            } else {
                el.appendChild(randomTree(random, depth + 1));
            }
        }
        return el;
    }

    @Test
    void thousandsOfRandomNestingsComeOutAsTheLongWayGives() {
        Random random = new Random(20261124L);
        for (int i = 0; i < 3000; i++) {
            Document doc = Document.createShell(BASE);
            doc.outputSettings().prettyPrint(false);
            Element root = doc.body();
            for (int k = random.nextInt(3) + 1; k > 0; k--) {
                root.appendChild(randomTree(random, 0));
                if (random.nextBoolean()) {
                    root.appendChild(new TextNode(TEXTS[random.nextInt(TEXTS.length)]));
                }
            }
            assertSameAsTheLongWay(root);
        }
    }
}
