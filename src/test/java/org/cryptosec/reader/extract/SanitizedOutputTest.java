package org.cryptosec.reader.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sanitizer's own HTML writer gives exactly what Jsoup's serializer gives for the trees the sanitizer builds. */
class SanitizedOutputTest {

    private static final String BASE = "https://news.example/2024/story/";

    private static Document outputDocument() {
        Document doc = Document.createShell("");
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return doc;
    }

    /** Compares with Jsoup's own serialization, reporting the first difference rather than two huge strings. */
    /** Sanitized output sanitized again is the same text. */
    private static void assertSanitizedAgainUnchanged(String sanitized) {
        assertEquals(sanitized, new HtmlSanitizer().sanitize(sanitized, BASE));
    }

    private static void assertSameHtml(Element root) {
        String expected = root.html();
        String actual = HtmlSanitizer.html(root);
        int i = 0;
        while (i < expected.length() && i < actual.length() && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i < expected.length() || i < actual.length()) {
            int from = Math.max(0, i - 20);
            assertEquals(expected.substring(from, Math.min(expected.length(), i + 40)),
                    actual.substring(from, Math.min(actual.length(), i + 40)), "first difference at " + i);
        }
    }

    /** Every UTF-16 unit, valid and broken surrogate pairs, in text and in attribute values. */
    private static String everyCharacter() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            sb.append((char) c);
        }
        sb.appendCodePoint(0x1F600).appendCodePoint(0x1D800).appendCodePoint(0x2DFFF).appendCodePoint(0x10FFFF);
        sb.append('\uD800').append('x').append('\uDC00').append('\uDBFF');
        return sb.toString();
    }

    @Test
    void everyCharacterIsEscapedInTextAndAttributesAsJsoupEscapesIt() {
        Document doc = outputDocument();
        String all = everyCharacter();
        Element p = doc.body().appendElement("p");
        p.appendChild(new TextNode(all));
        p.appendElement("img").attr("src", "https://img.example/a.png").attr("alt", all).attr("title", "\"'<>&");
        p.appendElement("a").attr("href", "https://x.example/?a=1&b=\"2\"").attr("rel", "noopener noreferrer").text(all);
        assertSameHtml(doc.body());
    }

    @Test
    void nestingVoidAndEmptyElementsAreWrittenAsJsoupWritesThem() {
        Document doc = outputDocument();
        Element table = doc.body().appendElement("table");
        Element tr = table.appendElement("tbody").appendElement("tr");
        tr.appendElement("td").attr("colspan", "2").appendText("cell");
        tr.appendElement("th");
        doc.body().appendElement("p").appendText("a").appendElement("br").parent().appendText("b")
                .appendElement("em").appendElement("strong").appendText("deep");
        doc.body().appendElement("hr");
        doc.body().appendElement("ul").appendElement("li");
        assertSameHtml(doc.body());
    }

    @Test
    void nodesOutsideWhatTheSanitizerBuildsAreLeftToJsoup() {
        Document doc = outputDocument();
        Element p = doc.body().appendElement("p");
        p.appendElement("img").attr("src", "https://img.example/a.png").appendText("inside a void element");
        p.appendElement("section").attr("hidden", "").attr("data-x", "\"q\"").appendText("unknown to the writer");
        p.appendChild(new Comment(" a comment "));
        p.appendElement("b").attr("onclick", "<x>");
        assertSameHtml(doc.body());
    }

    @Test
    void otherOutputSettingsAreLeftToJsoup() {
        Document doc = Jsoup.parseBodyFragment("<div><p>a&nbsp;<b>b</b></p>\n<p>c</p></div>");
        doc.outputSettings().prettyPrint(true).charset("US-ASCII");
        doc.body().appendElement("p").appendText("caf\u00e9 \u20ac");
        assertSameHtml(doc.body());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "<p>Windows\r\nline\rends</p>",
        "plain\r\ntext straight in the body\r",
        "<ul><li>one\r\n</li></ul><table><tbody><tr><td>\r\ncell</td></tr></tbody></table>",
        "<pre>code\r\n  line two\r\n</pre>",
        "<p>a<font>\r</font>\r\n<i>b</i><span>c</span>d<span></span>e</p>",
        "<p>\u3000\u3000<font>Text after two wide spaces</font>\r\n<span>\u3000</span></p><p>next</p>"})
    void treesWithCarriageReturnsComeOutAsTheirOwnReparse(String input) {
        Element once = new HtmlSanitizer().sanitizeToBody(Jsoup.parseBodyFragment(input, BASE).body(), BASE);
        assertTrue(once.html().indexOf('\r') >= 0, "the parser keeps carriage returns in text: " + once.html());
        Element reparsed = Jsoup.parseBodyFragment(once.html(), BASE).body();
        assertEquals(shape(reparsed), shape(once));
        assertEquals(TextRenderer.render(reparsed), TextRenderer.render(once));
        Element twice = new HtmlSanitizer().sanitizeToBody(reparsed, BASE);
        assertEquals(once.html(), twice.html());
    }

    /** The node structure: elements by name, each text node as its own quoted item. */
    private static String shape(Element root) {
        StringBuilder sb = new StringBuilder();
        for (org.jsoup.nodes.Node n : root.childNodes()) {
            if (n instanceof Element e) {
                sb.append('<').append(e.normalName()).append('>').append(shape(e)).append("</>");
            } else if (n instanceof TextNode t) {
                sb.append('"').append(t.getWholeText().replace("\r", "\\r")).append('"');
            }
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"\r\ncode", "\rcode", "\ncode"})
    void aLineBreakOpeningAPreIsNotTakenForStable(String text) {
        // the parser drops a line break that opens a pre, so written out and parsed again the text would change
        Document doc = outputDocument();
        doc.body().appendElement("pre").appendChild(new TextNode(text));
        assertFalse(HtmlSanitizer.isParserStable(doc.body()));
        String html = new HtmlSanitizer().sanitize(HtmlSanitizer.html(doc.body()), BASE);
        assertSanitizedAgainUnchanged(html);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "<p>Fish &amp; chips &lt;b&gt; \"quoted\" 'single' a&nbsp;b</p>",
        "<a href=\"/path?x=1&amp;y=&quot;2&quot;\" title=\"t &quot;q&quot; <in> &amp;\">link</a>",
        "<img src=\"i.png\" alt=\"\" width=\"10\" height=\"20\"><br><hr>",
        "<pre>\n\n  line\ttab\r\n</pre><table><tr><td rowspan=2>1</td></tr></table>",
        "<div><div>only inline <i>text</i></div><div><p>block</p></div></div>",
        "<p>\u0001control\u0008 and \uD83D\uDE00 emoji and \uDBFF lone</p>",
        "<ul><li>one<li>two</ul><dl><dt>t<dd>d</dl><time datetime=\"2024-01-02\">Jan</time>",
        " \n\u2003 <p>spaced</p> text \t\n\u3000"
    })
    void sanitizedFragmentsAreWrittenAsJsoupWritesThem(String input) {
        Element body = new HtmlSanitizer().sanitizeToBody(Jsoup.parseBodyFragment(input, BASE).body(), BASE);
        assertSameHtml(body);
        assertEquals(body.html().strip(), HtmlSanitizer.strippedHtml(body));
    }
    @ParameterizedTest(name = "[{index}] {0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "<blockquote><p><b> </b><i></i></p></blockquote><p>x<span></span><em> <strong>\t</strong></em>y</p> | <p>xy</p>",
        "<table><tbody><tr><td></td><td><b></b></td></tr></tbody></table><p><br></p> | "
                + "<table><tbody><tr><td></td><td></td></tr></tbody></table><p><br></p>",
        "<ul><li><a href='#'></a></li></ul><h2> <img src='/a.png'> </h2> | <h2> <img src=\"https://news.example/a.png\"> </h2>",
        "<p><i><b><u></u></b></i></p>tail | tail"})
    void elementsLeftEmptyAreRemovedFromTheInnermostOut(String input, String expected) {
        assertEquals(expected, new HtmlSanitizer().sanitize(input, "https://news.example/"));
    }
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"&#xD800;</a>\uDC00tail", "<b>x\uD800</b><p>a\uD800<span></span>\uDC00b</p>", "\uD83D<i></i>\uDE00"})
    void aSurrogatePairSplitOverTwoTextsComesOutIdempotent(String input) {
        // each half is written as a character reference; parsed again, the two join into one character
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        String once = sanitizer.sanitize(input, BASE);
        assertSanitizedAgainUnchanged(once);
    }

    @Test
    void halvesOfASurrogatePairInAdjacentTextsAreNotTakenForStable() {
        Document doc = outputDocument();
        Element p = doc.body().appendElement("p");
        p.appendChild(new TextNode("a\uD800"));
        p.appendChild(new TextNode("\uDC00b"));
        assertFalse(HtmlSanitizer.isParserStable(doc.body()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"<pre><span></span>\n\ncode</pre>", "<pre><!-- c -->\n\n\ncode</pre>", "<pre><b></b>\r\ncode</pre>"})
    void leadingLineBreaksOfAPreAreKeptAsJsoupKeepsThem(String input) {
        // Jsoup writes one more line break after the start tag, which the parser drops again
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        Element parsed = Jsoup.parseBodyFragment(input, BASE).body();
        String expected = parsed.selectFirst("pre").wholeText();
        Element body = sanitizer.sanitizeToBody(parsed, BASE);
        assertEquals(expected, body.selectFirst("pre").wholeText());
        assertSameHtml(body);
        String once = sanitizer.sanitize(input, BASE);
        assertSanitizedAgainUnchanged(once);
    }

    @Test
    void aPreOpeningWithALineBreakIsWrittenAsJsoupWritesIt() {
        Document doc = outputDocument();
        doc.body().appendElement("pre").appendChild(new TextNode("\n\ncode"));
        doc.body().appendElement("pre").appendChild(new TextNode("\r\ncode"));
        assertSameHtml(doc.body());
    }

    @Test
    void anEmptyTextBeforeALineBreakOpeningAPreIsNotTakenForStable() {
        Document doc = outputDocument();
        Element pre = doc.body().appendElement("pre");
        pre.appendChild(new TextNode(""));
        pre.appendChild(new TextNode("\ncode"));
        assertFalse(HtmlSanitizer.isParserStable(doc.body()));
    }
    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(strings = {"3000", "2028", "00A0", "001C", "2003"})
    void textOtherThanHtmlWhiteSpaceDirectlyInATableIsNotTakenForStable(String hex) {
        // Java counts these as white space, the HTML parser does not: it moves such text out before the table
        String space = String.valueOf((char) Integer.parseInt(hex, 16));
        Document doc = outputDocument();
        doc.body().appendElement("table").appendChild(new TextNode(space));
        assertFalse(HtmlSanitizer.isParserStable(doc.body()));
        Element body = new HtmlSanitizer().sanitizeToBody(doc.body(), BASE);
        String once = HtmlSanitizer.strippedHtml(body);
        assertSanitizedAgainUnchanged(once);
    }

    @Test
    void htmlWhiteSpaceDirectlyInATableStaysStable() {
        Document doc = outputDocument();
        Element row = doc.body().appendElement("table").appendText(" \n\t").appendElement("tbody").appendElement("tr");
        row.appendElement("td").appendText("cell");
        assertTrue(HtmlSanitizer.isParserStable(doc.body()));
    }
    @Test
    void nestingThatMakesTheParserFailGivesTheTextInsteadOfAnException() {
        // Jsoup's parser throws IndexOutOfBoundsException on formatting elements reopened at its depth limit
        String input = "<div><p><i>".repeat(508) + "deep &amp; text<script>alert(1)</script>";
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        String once = sanitizer.sanitize(input, BASE);
        assertTrue(once.startsWith("<p>deep &amp; text"), once);
        assertFalse(once.contains("<script"), once);
        assertSanitizedAgainUnchanged(once);
    }

    @Test
    void aTreeWhoseHtmlMakesTheParserFailGivesItsTextInsteadOfAnException() {
        Document doc = outputDocument();
        Element e = doc.body();
        for (int i = 0; i < 508; i++) {
            e = e.appendElement("blockquote").appendElement("p").appendElement("i");
        }
        e.appendText("deep");
        String once = HtmlSanitizer.strippedHtml(new HtmlSanitizer().sanitizeToBody(doc.body(), BASE));
        assertEquals("<p>deep</p>", once);
        assertSanitizedAgainUnchanged(once);
    }
}
