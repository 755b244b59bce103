package org.cryptosec.reader.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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
     * (the HTML keeps them). Each caption is judged on the tree as it is; one left out is skipped with all it holds.
     */
    static String render(Element root) {
        StringBuilder sb = new StringBuilder();
        int pendingBreaks = 0;
        int preDepth = 0;
        Node node = root;
        while (node != null) {
            boolean descend = false;
            if (node instanceof TextNode t) {
                String whole = t.getWholeText();
                if (preDepth > 0) {
                    if (!whole.isEmpty()) {
                        pendingBreaks = flushBreaks(sb, pendingBreaks);
                        sb.append(whole);
                    }
                } else {
                    pendingBreaks = appendCollapsed(whole, sb, pendingBreaks);
                }
            } else if (node instanceof Element el) {
                String tag = el.normalName();
                if (node != root && tag.equals("figcaption") && leftOutOfText(el)) {
                    tag = ""; // as if removed: no block break, nothing of its text
                } else if (tag.equals("br")) {
                    trimTrailingSpace(sb);
                    sb.append('\n');
                } else if (BLOCKS.contains(tag)) {
                    pendingBreaks = 2;
                } else if (tag.equals("td") || tag.equals("th")) {
                    if (sb.length() > 0 && !endsWithSpace(sb)) {
                        sb.append('\t');
                    }
                }
                if (tag.equals("pre")) {
                    preDepth++;
                }
                descend = !tag.isEmpty() && el.childNodeSize() > 0;
                if (!descend) {
                    // an empty element ends at once
                    if (BLOCKS.contains(tag)) {
                        pendingBreaks = 2;
                    }
                    if (tag.equals("pre")) {
                        preDepth--;
                    }
                }
            }
            if (descend) {
                node = node.childNode(0);
                continue;
            }
            // climb to the next sibling, ending each element left on the way
            while (node != root && node.nextSibling() == null) {
                node = node.parent();
                String tag = ((Element) node).normalName();
                if (BLOCKS.contains(tag)) {
                    pendingBreaks = 2;
                }
                if (tag.equals("pre")) {
                    preDepth--;
                }
            }
            node = node == root ? null : node.nextSibling();
        }
        return tidy(sb);
    }

    /**
     * Appends text outside pre with its white space collapsed ({@link #collapse}): nothing for text that collapses to
     * a space after a space, or to blank where a block break is pending; a leading space only after other text.
     * Returns the block breaks still pending.
     */
    private static int appendCollapsed(String whole, StringBuilder sb, int pendingBreaks) {
        int length = whole.length();
        if (length == 0) {
            return pendingBreaks;
        }
        boolean onlySpace = true; // collapses to " "
        boolean blank = true; // collapses to white space only
        for (int i = 0; i < length; i++) {
            char c = whole.charAt(i);
            if (!isCollapsedSpace(c)) {
                onlySpace = false;
                if (!Character.isWhitespace(c)) {
                    blank = false;
                    break;
                }
            }
        }
        if (onlySpace && endsWithSpace(sb) || blank && pendingBreaks > 0) {
            return pendingBreaks;
        }
        int pending = flushBreaks(sb, pendingBreaks);
        int i = 0;
        if (isCollapsedSpace(whole.charAt(0)) && (sb.length() == 0 || endsWithSpace(sb))) {
            while (i < length && isCollapsedSpace(whole.charAt(i))) {
                i++; // the leading space is dropped
            }
        }
        appendCollapsing(whole, i, sb);
        return pending;
    }

    /** Appends {@code s} from {@code from} on with each run of collapsible white space as one space. */
    private static void appendCollapsing(String s, int from, StringBuilder out) {
        boolean space = false;
        for (int i = from; i < s.length(); i++) {
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
    }

    private static int flushBreaks(StringBuilder sb, int pending) {
        if (pending > 0 && sb.length() > 0) {
            trimTrailingSpace(sb);
            int existing = 0;
            for (int i = sb.length() - 1; i >= 0 && sb.charAt(i) == '\n'; i--) {
                existing++;
            }
            for (int i = existing; i < pending; i++) {
                sb.append('\n');
            }
        }
        return 0;
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
        boolean afterSpace = false;
        int plain = 0;
        for (; plain < s.length(); plain++) {
            char c = s.charAt(plain);
            if (isCollapsedSpace(c)) {
                if (c != ' ' || afterSpace) {
                    break;
                }
                afterSpace = true;
            } else {
                afterSpace = false;
            }
        }
        if (plain == s.length()) {
            return s; // single plain spaces only: nothing to collapse
        }
        StringBuilder out = new StringBuilder(s.length());
        appendCollapsing(s, 0, out);
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
