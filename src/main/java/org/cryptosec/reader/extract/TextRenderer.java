package org.cryptosec.reader.extract;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Plain text of an element tree: blocks separated by blank lines, br as a line break, white space collapsed. */
final class TextRenderer {

    private static final Set<String> BLOCKS = Set.of(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "dl", "li", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre",
            "figure", "figcaption", "hr", "address", "details", "summary", "body");

    private TextRenderer() {
    }

    /** A caption that only credits the photographer or agency ("Foto: X / Shutterstock.com"). */
    private static final java.util.regex.Pattern CREDIT = java.util.regex.Pattern.compile(
            "(?i)^\\s*((foto|photo|image|afbeelding|beeld|bild|credit|bron|source)s?\\s*(credit)?\\s*[:©]|©|\\(c\\)).*"
            + "|.*\\b(shutterstock|getty images|istock|reuters|unsplash|ap photo|dpa|anp)(\\.com)?\\s*$");

    static boolean isCreditOnly(Element caption) {
        return isCredit(caption.text());
    }

    private static boolean isCredit(String text) {
        return text.length() <= 140 && CREDIT.matcher(text).matches();
    }

    /** Captions up to this many words label a picture; longer ones tell part of the story. */
    static final int SHORT_CAPTION_WORDS = 20;

    /** Whether a caption stays out of the article's text: a credit, or a short label of the picture. */
    static boolean leftOutOfText(Element caption) {
        String text = caption.text();
        return ContentExtractor.wordCount(text) <= SHORT_CAPTION_WORDS || isCredit(text);
    }

    /**
     * The text of {@code root}; captions that are photo credits or short labels of the picture are left out of it
     * (the HTML keeps them).
     */
    static String render(Element root) {
        List<Element> captions = root.getElementsByTag("figcaption");
        java.util.BitSet leftOut = new java.util.BitSet(captions.size());
        for (int i = 0; i < captions.size(); i++) {
            leftOut.set(i, leftOutOfText(captions.get(i)));
        }
        if (!leftOut.isEmpty()) {
            root = root.clone();
            // the clone lists its captions in the same order: each is judged once, on the page
            List<Element> cloned = root.getElementsByTag("figcaption");
            for (int i = leftOut.nextSetBit(0); i >= 0; i = leftOut.nextSetBit(i + 1)) {
                cloned.get(i).remove();
            }
        }
        return renderAll(root);
    }

    private static String renderAll(Element root) {
        StringBuilder sb = new StringBuilder();
        int[] pendingBreaks = {0};
        int[] preDepth = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = preDepth[0] > 0 ? t.getWholeText() : collapse(t.getWholeText());
                    if (text.isEmpty() || (preDepth[0] == 0 && text.equals(" ") && endsWithSpace(sb))) {
                        return;
                    }
                    if (preDepth[0] == 0 && text.isBlank() && pendingBreaks[0] > 0) {
                        return;
                    }
                    flushBreaks(sb, pendingBreaks);
                    if (preDepth[0] == 0 && text.startsWith(" ") && (sb.length() == 0 || endsWithSpace(sb))) {
                        text = text.substring(1);
                    }
                    sb.append(text);
                } else if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (tag.equals("br")) {
                        trimTrailingSpace(sb);
                        sb.append('\n');
                    } else if (BLOCKS.contains(tag)) {
                        pendingBreaks[0] = 2;
                    } else if (tag.equals("td") || tag.equals("th")) {
                        if (sb.length() > 0 && !endsWithSpace(sb)) {
                            sb.append('\t');
                        }
                    }
                    if (tag.equals("pre")) {
                        preDepth[0]++;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el) {
                    String tag = el.normalName();
                    if (BLOCKS.contains(tag)) {
                        pendingBreaks[0] = 2;
                    }
                    if (tag.equals("pre")) {
                        preDepth[0]--;
                    }
                }
            }
        }, root);
        return tidy(sb);
    }

    private static void flushBreaks(StringBuilder sb, int[] pending) {
        if (pending[0] > 0 && sb.length() > 0) {
            trimTrailingSpace(sb);
            int existing = 0;
            for (int i = sb.length() - 1; i >= 0 && sb.charAt(i) == '\n'; i--) {
                existing++;
            }
            for (int i = existing; i < pending[0]; i++) {
                sb.append('\n');
            }
        }
        pending[0] = 0;
    }

    private static void trimTrailingSpace(StringBuilder sb) {
        while (sb.length() > 0 && (sb.charAt(sb.length() - 1) == ' ' || sb.charAt(sb.length() - 1) == '\t')) {
            sb.setLength(sb.length() - 1);
        }
    }

    private static boolean endsWithSpace(StringBuilder sb) {
        if (sb.length() == 0) {
            return true;
        }
        char c = sb.charAt(sb.length() - 1);
        return c == ' ' || c == '\n' || c == '\t';
    }

    private static boolean isCollapsedSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u00A0' || c == '\u200B';
    }

    /** Whether {@link #collapse} turns the text into nothing or a single space. */
    static boolean collapsesToSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isCollapsedSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String collapse(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isCollapsedSpace(c)) {
                space = true;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        if (space) {
            out.append(' ');
        }
        return out.toString();
    }

    private static String tidy(StringBuilder sb) {
        // at most one blank line between blocks, no trailing spaces on lines
        StringBuilder out = new StringBuilder(sb.length());
        int newlines = 0;
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (c == '\n') {
                trimTrailingSpace(out);
                newlines++;
                if (newlines <= 2) {
                    out.append('\n');
                }
            } else {
                if (newlines > 0 && (c == ' ') ) {
                    continue;
                }
                newlines = 0;
                out.append(c);
            }
        }
        return out.toString().strip();
    }
}
