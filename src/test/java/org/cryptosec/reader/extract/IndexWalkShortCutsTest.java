package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The index walk's short cuts answer exactly as the plain ways they replace. */
class IndexWalkShortCutsTest {

    private static final String ALPHABET = "aZ09 ,.;\t\n\r\f\u000B\u001C\u001F\u0000\u007F\u0080\u0085\u00A0\u00AD\u00C9"
            + "\u0660\u0967\u1680\u2003\u2028\u200B\u3000\u4E2D\uFF0C\u3001\uFF11-_'\"!?";

    /** The figures pass as it was written before its table: one branch per kind of character. */
    private static int plainFigures(String s, ContentExtractor.Stats into, boolean linked) {
        int len = 0;
        int commas = 0;
        boolean space = true;
        boolean digit = false;
        boolean blank = true;
        boolean nbspOrZeroWidth = false;
        boolean otherWhite = false;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 127) {
                len++;
                space = false;
                blank = false;
                if (c == ',' || c == ';') {
                    commas++;
                } else if (c >= '0' && c <= '9') {
                    digit = true;
                }
            } else if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\u00A0') {
                nbspOrZeroWidth |= c == '\u00A0';
                if (!space) {
                    len++;
                    space = true;
                }
            } else if (Character.isWhitespace(c)) {
                blank = false;
                otherWhite = true;
                if (!space) {
                    len++;
                    space = true;
                }
            } else {
                len++;
                space = false;
                if (c == '\u200B') {
                    nbspOrZeroWidth = true;
                } else {
                    blank = false;
                    if (c == '\uFF0C' || c == '\u3001') {
                        commas++;
                    } else if (!digit && Character.isDigit(c)) {
                        digit = true;
                    }
                }
            }
        }
        int collapsed = space && len > 0 ? len - 1 : len;
        into.text += collapsed;
        if (linked) {
            into.link += collapsed;
        }
        into.commas += commas;
        into.digit |= digit;
        return (blank ? 1 : 0) | (nbspOrZeroWidth ? 2 : 0) | (otherWhite ? 4 : 0);
    }

    private static void assertSameFigures(String s, boolean linked) {
        ContentExtractor.Stats plain = new ContentExtractor.Stats();
        ContentExtractor.Stats fast = new ContentExtractor.Stats();
        plain.text = fast.text = 7; // figures add to those already there
        plain.commas = fast.commas = 2;
        int plainShape = plainFigures(s, plain, linked);
        int fastShape = ContentExtractor.addFigures(s, fast, linked);
        String what = s.chars().mapToObj(Integer::toHexString).toList() + " linked " + linked;
        assertEquals(plainShape, fastShape, what);
        assertEquals(plain.text, fast.text, what);
        assertEquals(plain.link, fast.link, what);
        assertEquals(plain.commas, fast.commas, what);
        assertEquals(plain.digit, fast.digit, what);
    }

    @Test
    void theFiguresTableCountsAsThePlainBranchesOnEveryCharacter() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            char ch = (char) c;
            for (String s : new String[] {String.valueOf(ch), " " + ch + ch + "x", "x" + ch + " \n" + ch, ch + "\u00A0"}) {
                assertSameFigures(s, (c & 1) == 0);
            }
        }
    }

    @Test
    void theFiguresTableCountsAsThePlainBranchesOnMixedText() {
        Random rnd = new Random(11);
        assertSameFigures("", false);
        for (int i = 0; i < 20000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = rnd.nextInt(40); k > 0; k--) {
                sb.append(ALPHABET.charAt(rnd.nextInt(ALPHABET.length())));
            }
            assertSameFigures(sb.toString(), rnd.nextBoolean());
        }
    }

    /** What a walk calls, in order: head or tail, the node, the depth. */
    private static List<String> calls(java.util.function.BiConsumer<NodeVisitor, Node> walker, Node root) {
        List<String> calls = new ArrayList<>();
        java.util.IdentityHashMap<Node, Integer> ids = new java.util.IdentityHashMap<>();
        walker.accept(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                calls.add("head " + ids.computeIfAbsent(node, n -> ids.size()) + " " + node.nodeName() + " " + depth);
            }

            @Override
            public void tail(Node node, int depth) {
                calls.add("tail " + ids.computeIfAbsent(node, n -> ids.size()) + " " + node.nodeName() + " " + depth);
            }
        }, root);
        return calls;
    }

    private static void assertSameWalk(Node root) {
        List<String> plain = calls(NodeTraversor::traverse, root);
        assertEquals(plain, calls(PageIndex::walk, root));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "<p>", "<div><p>a<b>b</b>c</p><!-- note --><br>d</div>",
        "<table><tr><td>1<td>2</table><ul><li>a<li><ul><li>b</ul></ul>", "<script>var x;</script><style>p{}</style>",
        "<div><div><div><div></div></div></div></div>text<span></span>"})
    void theIndexWalkCallsAsTheLibraryTraversalDoes(String body) {
        org.jsoup.nodes.Document doc = Jsoup.parse("<html><head><title>t</title></head><body>" + body + "</body></html>");
        assertSameWalk(doc);
        assertSameWalk(doc.body());
        if (doc.body().childNodeSize() > 0) {
            assertSameWalk(doc.body().childNode(0)); // a root with siblings: the walk stays inside it
        }
    }

    @Test
    void theIndexWalkCallsAsTheLibraryTraversalDoesOnRandomAndDeepPages() {
        String[] parts = {"<div>", "</div>", "<p>", "</p>", "<span>", "</span>", "text ", "<br>", "<img src=x>", "<!--c-->",
            "<ul><li>", "</li></ul>", "<table><tr><td>", "</td></tr></table>", "<a href=#>", "</a>", "<script>s</script>"};
        Random rnd = new Random(5);
        for (int i = 0; i < 300; i++) {
            StringBuilder html = new StringBuilder();
            for (int k = rnd.nextInt(200); k > 0; k--) {
                html.append(parts[rnd.nextInt(parts.length)]);
            }
            assertSameWalk(Jsoup.parse(html.toString()));
        }
        // deeper than the walk's first stack of open nodes
        assertSameWalk(Jsoup.parse("<div>".repeat(300) + "deep" + "</div>".repeat(300) + "<p>after</p>"));
    }
}
