package org.cryptosec.reader.extract;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Plain text of an element tree: blocks separated by blank lines, br as a line break, white space collapsed. */
final class TextRenderer {

    private static final Set<String> BLOCKS = Lookup.setOf(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5", "h6",
            "ul", "ol", "dl", "li", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "caption", "blockquote", "pre",
            "figure", "figcaption", "hr", "address", "details", "summary", "body");

    private TextRenderer() {
    }

    /** A caption that only credits the photographer or agency ("Foto: X / Shutterstock.com"). */
    private static final java.util.regex.Pattern CREDIT = java.util.regex.Pattern.compile(
            "(?i)^\\s*((foto|photo|image|afbeelding|beeld|bild|credit|bron|source)s?\\s*(credit)?\\s*[:©]|©|\\(c\\)).*"
            + "|.*\\b(shutterstock|getty images|istock|reuters|unsplash|ap photo|dpa|anp)(\\.com)?\\s*$");

    /** Whether a caption's text only credits the photographer or agency. */
    static boolean isCredit(String text) {
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
        Writer w = new Writer(root);
        Node node = root;
        while (node != null) {
            boolean descend = false;
            if (node instanceof TextNode t) {
                w.text(t.getWholeText());
            } else if (node instanceof Element el) {
                // a left-out caption is not walked at all: the writer ends it at once
                descend = w.start(el) && el.childNodeSize() > 0;
                if (!descend) {
                    w.end(el); // an empty element ends at once
                }
            }
            if (descend) {
                node = node.childNode(0);
                continue;
            }
            // climb to the next sibling, ending each element left on the way
            while (node != root && node.nextSibling() == null) {
                node = node.parent();
                w.end((Element) node);
            }
            node = node == root ? null : node.nextSibling();
        }
        return w.finish();
    }

    /**
     * {@link #render} as a walk that is made elsewhere reports the tree (every element started and ended, every text
     * node in between, in document order, the root first): the sanitizer's HTML writer renders the text on the
     * same walk. Nothing inside a left-out caption counts, whatever the walk reports of it.
     */
    static final class Writer {
        private final Element root;
        private final StringBuilder sb;
        private int pendingBreaks;
        private int preDepth;
        /** The left-out caption being walked, if any. */
        private Element skipped;
        /**
         * Whether the text may need {@link #tidy}: only preformatted text and a third line break in a row make it
         * untidy (every other line break is written after trailing spaces are trimmed, and collapsed text after one
         * never starts with a space).
         */
        private boolean untidy;

        Writer(Element root) {
            this(root, 1024);
        }

        /** A writer whose text starts with room for {@code capacity} chars. */
        Writer(Element root, int capacity) {
            this.root = root;
            this.sb = new StringBuilder(capacity);
        }

        /** An element starts; returns false when it is left out of the text with all it holds. */
        boolean start(Element el) {
            if (skipped != null) {
                return false;
            }
            String tag = el.normalName();
            if (el != root && tag.equals("figcaption") && leftOutOfText(el)) {
                skipped = el; // as if removed: no block break, nothing of its text
                return false;
            }
            if (tag.equals("br")) {
                trimTrailingSpace(sb);
                int length = sb.length();
                untidy |= length >= 2 && sb.charAt(length - 1) == '\n' && sb.charAt(length - 2) == '\n';
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
            return true;
        }

        /** A text node (of an element started and not yet ended). */
        void text(String whole) {
            if (skipped != null) {
                return;
            }
            if (preDepth > 0) {
                if (!whole.isEmpty()) {
                    pendingBreaks = flushBreaks(sb, pendingBreaks);
                    sb.append(whole);
                    untidy = true;
                }
            } else {
                int from = beginCollapsed(whole);
                if (from >= 0) {
                    appendCollapsing(whole, from, sb);
                }
            }
        }

        /** Whether the next text node is written collapsed: outside pre and outside a left-out caption. */
        boolean collapses() {
            return skipped == null && preDepth == 0;
        }

        /**
         * Readies the text for appending it collapsed ({@link #collapse}): nothing for text that collapses to a space
         * after a space, or to blank where a block break is pending (-1); else the pending breaks are written and
         * the index the collapsed copy starts from is returned (past a leading space, which is kept only after other
         * text). The caller then appends it with {@link #appendCollapsing} or its equal, to {@link #out}.
         */
        int beginCollapsed(String whole) {
            int length = whole.length();
            if (length == 0) {
                return -1;
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
                return -1;
            }
            pendingBreaks = flushBreaks(sb, pendingBreaks);
            int i = 0;
            if (isCollapsedSpace(whole.charAt(0)) && (sb.length() == 0 || endsWithSpace(sb))) {
                while (i < length && isCollapsedSpace(whole.charAt(i))) {
                    i++; // the leading space is dropped
                }
            }
            return i;
        }

        /** Where the text is written. */
        StringBuilder out() {
            return sb;
        }

        /** An element ends, all it holds reported. */
        void end(Element el) {
            if (skipped != null) {
                if (skipped == el) {
                    skipped = null;
                }
                return;
            }
            String tag = el.normalName();
            if (BLOCKS.contains(tag)) {
                pendingBreaks = 2;
            }
            if (tag.equals("pre")) {
                preDepth--;
            }
        }

        /** The text rendered. */
        String finish() {
            return untidy ? tidy(sb) : stripped(sb);
        }
    }

    /** Appends {@code s} from {@code from} on with each run of collapsible white space as one space. */
    private static void appendCollapsing(String s, int from, StringBuilder out) {
        int length = s.length();
        int run = from; // the start of the characters not yet appended, which are written as they are
        int i = from;
        while (i < length) {
            char c = s.charAt(i);
            // a plain space between two other characters is its own collapsed form: it stays in the run
            if (!isCollapsedSpace(c) || c == ' ' && (i + 1 == length || !isCollapsedSpace(s.charAt(i + 1)))) {
                i++;
                continue;
            }
            out.append(s, run, i).append(' ');
            for (i++; i < length && isCollapsedSpace(s.charAt(i)); i++) {
                // the rest of the run of white space
            }
            run = i;
        }
        out.append(s, run, length);
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

    /** The characters up to the space that {@link #collapse} collapses, as bits of a mask (a bit a char). */
    private static final long COLLAPSED_UP_TO_SPACE = 1L << ' ' | 1L << '\n' | 1L << '\r' | 1L << '\t' | 1L << '\f';

    static boolean isCollapsedSpace(char c) {
        return c <= ' ' ? (COLLAPSED_UP_TO_SPACE >>> c & 1) != 0 : c == '\u00A0' || c == '\u200B';
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

    /**
     * At most one blank line between blocks, no spaces or tabs at the end of a line, no spaces at the start of one,
     * stripped. The text is rarely untidy: it is copied once as it is unless it is.
     */
    private static String tidy(StringBuilder sb) {
        int length = sb.length();
        char previous = 0;
        int newlines = 0;
        for (int i = 0; i < length; i++) {
            char c = sb.charAt(i);
            if (c == '\n') {
                if (previous == ' ' || previous == '\t' || ++newlines > 2) {
                    return stripped(tidied(sb));
                }
            } else {
                if (c == ' ' && previous == '\n') {
                    return stripped(tidied(sb));
                }
                newlines = 0;
            }
            previous = c;
        }
        return stripped(sb);
    }

    private static StringBuilder tidied(StringBuilder sb) {
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
        return out;
    }

    /** {@code sb.toString().strip()}, copying once. */
    static String stripped(CharSequence sb) {
        int start = 0;
        int end = sb.length();
        while (start < end && Character.isWhitespace(sb.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(sb.charAt(end - 1))) {
            end--;
        }
        return sb.subSequence(start, end).toString();
    }
}
