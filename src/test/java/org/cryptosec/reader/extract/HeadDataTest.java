package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * The extractor's parse, which leaves out the text of the scripts and style sheets at a page's top
 * ({@link HeadData}), is Jsoup's parse of the whole page but for that text: on pages written to reach every corner of
 * the scan, and on random pages of the tokens that matter to it.
 */
class HeadDataTest {

    /**
     * Asserts that the extractor's parse of {@code html} is Jsoup's, but for the data of script and style elements
     * cut to its first character; returns how many such elements were cut.
     */
    static int assertParsesAsJsoup(String html) {
        Document expected = Jsoup.parse(html, "");
        Document actual = HtmlText.parse(html, "");
        int[] cut = {0};
        compare(expected, actual, new ArrayList<>(), cut, html);
        return cut[0];
    }

    private static void compare(Node expected, Node actual, List<String> path, int[] cut, String html) {
        java.util.function.Supplier<String> where = () -> String.join(" > ", path) + " in "
                + (html.length() > 300 ? html.substring(0, 300) + "..." : html);
        assertEquals(expected.getClass(), actual.getClass(), where);
        assertEquals(expected.nodeName(), actual.nodeName(), where);
        if (expected instanceof Element e) {
            assertEquals(PageChangesTest.attributes(e), PageChangesTest.attributes((Element) actual), where);
        } else if (expected instanceof TextNode t) {
            assertEquals(t.getWholeText(), ((TextNode) actual).getWholeText(), where);
        } else if (expected instanceof DataNode d) {
            String want = d.getWholeData();
            String got = ((DataNode) actual).getWholeData();
            if (!want.equals(got)) {
                String parent = expected.parent() == null ? "" : expected.parent().nodeName();
                assertTrue(parent.equals("script") || parent.equals("style"), () -> "data cut outside a script or style: " + where.get());
                int kept = want.length() > 1 && Character.isHighSurrogate(want.charAt(0)) ? 2 : 1;
                assertEquals(want.substring(0, kept), got, () -> "cut data keeps its first character: " + where.get());
                String type = expected.parent().attr("type").toLowerCase(java.util.Locale.ROOT);
                assertTrue(!type.contains("json"), () -> "JSON cut: " + where.get());
                cut[0]++;
            }
        } else {
            assertEquals(expected.outerHtml(), actual.outerHtml(), where);
        }
        assertEquals(expected.childNodeSize(), actual.childNodeSize(), () -> where.get() + " > " + expected.nodeName() + ": children");
        path.add(expected.nodeName());
        for (int i = 0; i < expected.childNodeSize(); i++) {
            compare(expected.childNode(i), actual.childNode(i), path, cut, html);
        }
        path.remove(path.size() - 1);
    }

    @Test
    void aUsualHeadLosesItsScriptAndStyleTextButJsonLd() {
        String html = "<!DOCTYPE html><html lang=en><head><meta charset=\"utf-8\"><title>A &amp; B</title>"
                + "<link rel=stylesheet href='a.css'><style media=\"(min-width: 2px)\">.a > .b { color: red }</style>"
                + "<script>var a = 1 < 2 && \"</div>\";</script>"
                + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\"}</script>"
                + "<SCRIPT SRC=x.js></SCRIPT><noscript><style>.x{}</style></noscript><!-- a comment -->"
                + "</head><body><p>Text</p><script>var late = 1;</script></body></html>";
        int[] skipped = HeadData.skipped(html);
        assertEquals(3, skipped.length / 2, "style, script, noscript style (not JSON-LD, not the empty one, not the body's)");
        assertEquals(".", html.substring(skipped[0] - 1, skipped[0]));
        assertEquals(3, assertParsesAsJsoup(html));
        Document doc = HtmlText.parse(html, "");
        assertEquals("{\"@type\": \"NewsArticle\"}", doc.select("script[type]").first().data());
        assertEquals("var late = 1;", doc.body().select("script").first().data(), "the body's scripts are read whole");
    }

    @Test
    void aScriptWhoseTypeMaySpellJsonWithACharacterReferenceIsReadWhole() {
        // found by review: the tag's raw text does not say "json", the parsed type does
        for (String type : new String[] {"application/ld+&#x6a;son", "application/ld+js&#111;n", "application/ld&plus;json"}) {
            String html = "<head><script type=\"" + type + "\">{\"@type\": \"NewsArticle\"}</script><style>p { }</style>";
            assertEquals(1, assertParsesAsJsoup(html), html);
            assertEquals("{\"@type\": \"NewsArticle\"}", HtmlText.parse(html, "").selectFirst("script").data(), html);
        }
        String html = "<head><script>\uD83D\uDE00 = 1;</script>";
        assertEquals("\uD83D\uDE00", HtmlText.parse(html, "").selectFirst("script").data(), "a surrogate pair is kept whole");
        assertEquals(1, assertParsesAsJsoup(html));
    }

    /**
     * Long heads (many scripts and style sheets of up to 10,000 characters, tens of kilobytes in all) before a body: the
     * cuts fall at every offset of Jsoup's buffer, whose refills read from the skipping reader at offsets above 0.
     */
    @Test
    void longPagesWithCutsAtEveryOffsetParseAsJsoupParsesThem() {
        Random random = new Random(2048);
        String[] code = {"var a = 1;", " if (a < b) { x(); }", "\n", " '</div>' ", " \"</scr\" + \"ipt>\" ", "<", "</",
            " /* > */ ", "a<b", " &amp; ", "\u00e9", "\uD83D\uDE00", "\t", "<!-", "</scriptx>", "</stylex>", ".a > .b { color: red; }"};
        String[] body = {"<p class=a>", "text ", "</p>", "<div id='x'>", "</div>", "<a href=\"/a?b=1&amp;c=2\">", "</a>",
            "<img src=a.png alt='a > b'>", "<!-- c -->", "<svg><title>t</title><path d='M0 0'/></svg>", "<table><tr><td>c",
            "</table>", "<script>var late = 1;</script>", "<textarea>a <b> c</textarea>", "&lt;", "\n"};
        int cut = 0;
        int far = 0;
        for (int p = 0; p < 150; p++) {
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=utf-8><title>T</title>");
            for (int e = 4 + random.nextInt(12); e > 0; e--) {
                boolean script = random.nextBoolean();
                html.append(script ? (random.nextInt(5) == 0 ? "<script type=\"application/ld+json\">" : "<script>")
                        : "<style media=all>");
                for (int n = random.nextInt(10_000); html.length() < 200_000 && n > 0; ) {
                    String piece = code[random.nextInt(code.length)];
                    html.append(piece);
                    n -= piece.length();
                }
                html.append(script ? "</script>" : "</style>").append(random.nextBoolean() ? "\n" : "");
                if (random.nextInt(4) == 0) {
                    html.append("<meta name=\"x").append(e).append("\" content='a > b'><!-- a -- b -->");
                }
            }
            html.append("</head><body>");
            for (int n = 200 + random.nextInt(3000); n > 0; n--) {
                html.append(body[random.nextInt(body.length)]);
            }
            cut += assertParsesAsJsoup(html.toString());
            int[] ranges = HeadData.skipped(html.toString());
            if (ranges.length > 0 && ranges[ranges.length - 1] > 32_768) {
                far++;
            }
        }
        assertTrue(cut > 150 * 3, "elements cut: " + cut);
        assertTrue(far > 50, "pages cut beyond 32K characters: " + far);
    }

    @Test
    void theScanStopsAtWhatItDoesNotFollowAndTheRestIsReadWhole() {
        // each page: what the scan must not cut, after a script it may
        String[] stops = {
            "<svg><style>.a{}</style></svg>", // foreign content: a style is an element with text
            "<math><style>.x{}</style></math>",
            "<select><style>.x{}</style></select>", // a select drops a style start tag
            "<frameset><style>.x{}</style></frameset>",
            "<template><style>.x{}</style></template>",
            "<body><style>.x{}</style>",
            "<p><style>.x{}</style>",
            "<textarea><style>.x{}</style></textarea>",
            "<xmp><style>.x{}</style></xmp>",
            "<plaintext><style>.x{}</style>",
            "<noframes><style>.x{}</style></noframes>",
            "<![CDATA[<style>.x{}</style>]]>",
            "<title>a <b> c</title><style>.x{}</style>", // a '<' in a title
            "<script><!-- <script>x</script> --></script><style>.x{}</style>", // escaped script data
            "<script/><style>.x{}</style>",
            "<style/>.x{}</style>",
            "<title/>x</title><style>.x{}</style>",
            "<meta a=\"b\"<style>.x{}</style>",
            "<meta a=b<style>.x{}</style>",
            "<meta \"a\"><style>.x{}</style>",
            "<meta =a><style>.x{}</style>",
            "<meta a=`b`><style>.x{}</style>",
            "<my-tag><style>.x{}</style>",
            "<\u00e9t\u00e9><style>.x{}</style>",
            "<t\u0130tle>x</t\u0130tle><style>.x{}</style>",
            "<meta a=\u0000><style>.x{}</style>",
            "<style>.x{}",
            "<meta",
            "<script>var x</script",
            "<meta a='b",
        };
        for (String stop : stops) {
            String html = "<head><script>var first = 1;</script>" + stop;
            int[] skipped = HeadData.skipped(html);
            assertArrayEquals(new int[] {html.indexOf("var") + 1, html.indexOf("</script>")}, skipped, html);
            assertParsesAsJsoup(html);
        }
    }

    @Test
    void commentsDoctypesAndTagsEndWhereJsoupEndsThem() {
        String[] heads = {
            "<!---->", "<!--->", "<!-->", "<!-- a -- b -->", "<!-- a --!>", "<!-- a --!x --->", "<!----!>",
            "<!-- <script>x</script> -->", "<!DOCTYPE html PUBLIC \"a>b\">", "<!doctype html>", "<!x <script>x</script>>",
            "<? <script> ?>", "</>", "</ <script>x</script>>", "</head foo=\"<script>\">", "<meta content=\"</script>\">",
            "<meta content='a>b' name=x>", "<meta a = 'b' c=d e>", "<meta a=\"b\"c=\"d\">", "<meta / a=b / >",
            "<link href=a/b/>", "<title>a &lt; b</title>", "<TITLE>x</TITLE >", "<title>x</title/>", "< script>",
            "<base href=/x/>", "<noscript><link rel=a></noscript>", "a text <script>x</script>",
            "<script>x</scriptx></script>", "<script>x</ScRiPt\t>", "<style>a</stylex></style>",
            "<script type=text/JSON>{}</script>", "<script>x<!-</script>", "<script>a</script\f>",
        };
        int cut = 0;
        for (String head : heads) {
            String html = "<html><head>" + head + "<style>.last { }</style></head><body><p>x</p></body></html>";
            cut += assertParsesAsJsoup(html);
            assertTrue(HeadData.skipped(html).length > 0, "the scan went past " + head);
        }
        assertTrue(cut >= heads.length, "cut " + cut);
    }

    /** Tokens the scan reads through. */
    private static final String[] HEAD_TOKENS = {
        "<html>", "<head>", "</head>", "</body>", "<meta charset=utf-8>", "<meta name=\"a\" content='x>y'>",
        "<link rel=stylesheet href=a.css>", "<title>", "</title>", "</TITLE>", "<script>", "<SCRIPT type=\"application/ld+json\">",
        "<script src=x.js>", "</script>", "</script >", "</scriptx>", "</ script>", "<style>", "<style media=\"a<b\">",
        "</style>", "</STYLE/>", "<!--", "-->", "--!>", "<!-->", "<!--->", "<!---->", "<!DOCTYPE html>",
        "<!doctype html public \"a>b\">", "]]>", "<?xml x?>", "</>", "</ x>", "<", ">", "/", "\"", "'", "=", "-", "--",
        "!", "<noscript>", "</noscript>", "<base href=/x/>", "text", " ", "\n", "\t", "&amp;", "&lt;", "\u00e9",
        "var a = 1 < 2;", "document.write('<script>x<\\/script>')", "<!-- <script> -->", "<meta a=b/>", "<meta a = 'b' >",
        "</html>", "<script type=module>", ".a{color:red}", "</p>", "</svg>", "</select>", "</textarea>",
    };

    /** Tokens the scan stops at (or that may stop it). */
    private static final String[] OTHER_TOKENS = {
        "<body>", "<![CDATA[", "<svg>", "<math>", "<select>", "<textarea>", "<template>", "<p>", "<div a=1 b c='d'>",
        "\u0000", "<\u00e9>", "<t\u0130tle>", "</t\u0130tle>", "<frameset>", "<plaintext>", "<xmp>", "<iframe>",
        "<a href=x>", "<title/>", "<script/>", "<style/>", "<meta a=\"b\"c>", "<meta a=`b`>", "<meta =x>", "<meta \"x>",
        "<h1>", "<noframes>", "<table>", "<img src=a>", "<meta a=b<", "<my-tag>",
    };

    /** Random pages of the tokens the scan reads (and those it stops at): each parses as Jsoup parses it. */
    @Test
    void randomPagesParseAsJsoupParsesThem() {
        Random random = new Random(20261124);
        int pages = 30_000;
        int cutPages = 0;
        for (int p = 0; p < pages; p++) {
            StringBuilder html = new StringBuilder();
            int tokens = 1 + random.nextInt(40);
            for (int t = 0; t < tokens; t++) {
                html.append(random.nextInt(10) == 0 ? OTHER_TOKENS[random.nextInt(OTHER_TOKENS.length)]
                        : HEAD_TOKENS[random.nextInt(HEAD_TOKENS.length)]);
            }
            if (assertParsesAsJsoup(html.toString()) > 0) {
                cutPages++;
            }
        }
        assertTrue(cutPages > pages / 20, "pages with text cut: " + cutPages);
    }

    private static final String[] PIECES = {"a", " ", "<", ">", "/", "\"", "'", "=", "-", "!", "</", "<!", "<!-", "<!--",
        "-->", "--!>", "</scr", "</script", "</style", "</title", "script", "style", "json", "\n", "&", "`", "\u00e9", "x>y"};

    private static String pieces(Random random, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(max + 1); i > 0; i--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    /**
     * Random heads of well-formed elements (meta, link, base, title, script, style, noscript, comments) whose
     * attribute values, texts and comments are random runs of the characters that matter to the scan.
     */
    @Test
    void randomHeadsOfWellFormedElementsParseAsJsoupParsesThem() {
        Random random = new Random(11);
        int pages = 20_000;
        int cut = 0;
        for (int p = 0; p < pages; p++) {
            StringBuilder html = new StringBuilder(random.nextBoolean() ? "<!DOCTYPE html><html><head>" : "");
            for (int e = random.nextInt(8); e >= 0; e--) {
                switch (random.nextInt(7)) {
                    case 0 -> html.append("<meta name=").append(random.nextBoolean() ? "\"" + pieces(random, 3).replace("\"", "")
                            + "\"" : "'" + pieces(random, 3).replace("'", "") + "'").append(random.nextBoolean() ? ">" : " />");
                    case 1 -> html.append("<link href=").append(pieces(random, 2)).append(" rel=x>");
                    case 2 -> html.append("<title>").append(pieces(random, 4)).append("</title>");
                    case 3 -> html.append(random.nextBoolean() ? "<script>" : "<script type=\"application/ld+json\">")
                            .append(pieces(random, 6)).append(random.nextInt(8) == 0 ? "" : "</script>");
                    case 4 -> html.append("<style>").append(pieces(random, 6)).append("</style>");
                    case 5 -> html.append("<!--").append(pieces(random, 4)).append("-->");
                    default -> html.append("<noscript><style>").append(pieces(random, 3)).append("</style></noscript>");
                }
            }
            html.append("</head><body><p>").append(pieces(random, 3)).append("</p><script>x</script></body>");
            cut += assertParsesAsJsoup(html.toString());
        }
        assertTrue(cut > pages / 2, "elements cut: " + cut);
    }

    /** The reader gives the page without the ranges, in reads of any size into any place of a buffer. */
    @Test
    void theReaderPassesOverTheRangesInReadsOfAnySize() throws java.io.IOException {
        String html = "0123456789abcdefghij";
        int[] ranges = {2, 5, 5, 7, 10, 20};
        for (int size = 1; size <= 25; size++) {
            HeadData.Skipping reader = new HeadData.Skipping(html, ranges);
            StringBuilder read = new StringBuilder();
            List<Integer> counts = new ArrayList<>();
            char[] buf = new char[size + 3];
            int n;
            while ((n = reader.read(buf, 3, size)) != -1) {
                counts.add(n);
                read.append(buf, 3, n);
            }
            for (int i = 0; i < counts.size() - 1; i++) {
                assertEquals(size, counts.get(i), "a short read before the end, size " + size + ": " + counts);
            }
            assertEquals("01789", read.toString(), "size " + size);
        }
    }
}
