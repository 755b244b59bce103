package org.cryptosec.reader.extract;

import java.io.Reader;
import java.util.Arrays;

/**
 * The text of the script and style elements at the top of a page, which extraction never reads, left out of its
 * parse. Jsoup copies every character of a script or a style sheet into the tree (several times over); on the
 * benchmark pages those of the head are a fifth of all characters and 6% of the parse, and extraction reads no script
 * but JSON-LD and no style sheet at all.
 *
 * <p>A short scan follows Jsoup's tokenizer from the start of the page: text, comments, doctypes and other markup
 * declarations, tags with their attributes (a quoted value may hold '&lt;' and '&gt;'), a title's text, and the text of
 * a script or style up to the end tag that closes it. It leaves out that text but for its first character (so the
 * element keeps its one data node), unless the start tag of a script mentions JSON or holds a character reference
 * (which may spell "json"). It stops at the first start tag of an element that does not belong in a head (the body,
 * or anything that opens it), and at anything it does not follow exactly as Jsoup does: a CDATA section, a tag name
 * that is not ASCII letters and digits, a '&lt;' or NUL inside a tag, a quote or '=' that starts
 * an attribute name, a script holding "&lt;!--" (its escaped states), a title holding '&lt;', a self-closing script,
 * style or title, the end of the page before an element's end. The rest of the page is read as it is.
 *
 * <p>Up to there, every start tag the scan passes is one of a head's, so the tree builder is never in foreign
 * content, a select or a frameset, the only places where a script or style start tag does not switch the tokenizer
 * to script data or raw text. The parse of what is read is the page's parse but for the text of those elements.
 *
 * <p>One exception comes from Jsoup itself: its tokenizer reads a few hostile constructs differently when they straddle
 * the edge of its read buffer (a NUL in an attribute name, a numeric character reference of a thousand digits), and
 * leaving text out moves those edges. Such a page may then parse differently further on; the parse without the
 * buffer edge there is the one that follows the HTML standard.
 */
final class HeadData {

    private HeadData() {
    }

    /** Start tags the scan passes: those of a head (inside a noscript too: any other start tag ends the scan). */
    private static final String[] HEAD_TAGS = {"html", "head", "meta", "link", "title", "base", "script", "style",
        "noscript"};

    /**
     * The ranges of {@code html} to leave out, as pairs of start (inclusive) and end (exclusive) indexes in page order;
     * empty when there are none.
     */
    static int[] skipped(String html) {
        int[] ranges = new int[8];
        int count = 0;
        int n = html.length();
        int i = 0;
        while (true) {
            int lt = html.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            char c = html.charAt(lt + 1);
            if (c == '!') {
                if (html.startsWith("--", lt + 2)) {
                    i = commentEnd(html, lt + 4);
                } else if (lt + 2 < n && html.charAt(lt + 2) == '[') {
                    break; // a CDATA section, or a bogus comment that looks like one
                } else {
                    i = afterGreaterThan(html, lt + 2); // a doctype or a bogus comment: both end at the first '>'
                }
                if (i < 0) {
                    break;
                }
                continue;
            }
            if (c == '?') {
                i = afterGreaterThan(html, lt + 2); // a bogus comment
                if (i < 0) {
                    break;
                }
                continue;
            }
            boolean endTag = c == '/';
            int nameStart = endTag ? lt + 2 : lt + 1;
            if (nameStart >= n) {
                break;
            }
            char first = html.charAt(nameStart);
            if (endTag && first == '>') {
                i = nameStart + 1; // "</>" is dropped
                continue;
            }
            if (!isAsciiLetter(first)) {
                if (first >= 128) {
                    break; // Jsoup may take a letter beyond ASCII for a tag's start
                }
                if (endTag) {
                    i = afterGreaterThan(html, nameStart); // "</" and no letter: a bogus comment
                    if (i < 0) {
                        break;
                    }
                } else {
                    i = lt + 1; // a '<' that is text
                }
                continue;
            }
            int nameEnd = nameStart + 1;
            while (nameEnd < n && isAsciiLetterOrDigit(html.charAt(nameEnd))) {
                nameEnd++;
            }
            if (nameEnd >= n) {
                break;
            }
            char after = html.charAt(nameEnd);
            if (!(isSpace(after) || after == '/' || after == '>')) {
                break; // a name with other characters, or ended by '<' (which Jsoup takes as the tag's end)
            }
            int tagEnd = tagEnd(html, nameEnd);
            if (tagEnd < 0) {
                break;
            }
            i = tagEnd;
            if (endTag) {
                continue; // no end tag changes where a script or style start tag leads
            }
            String name = headTag(html, nameStart, nameEnd);
            if (name == null) {
                break; // the body, or an element that opens it: the scan ends here
            }
            boolean script = name.equals("script");
            boolean style = name.equals("style");
            boolean title = name.equals("title");
            if (!script && !style && !title) {
                continue;
            }
            if (html.charAt(tagEnd - 2) == '/') {
                break; // self-closing: whether Jsoup still switches the tokenizer is not the scan's to say
            }
            int close = endTagAt(html, tagEnd, name, script);
            if (close < 0) {
                // runs to the end of the page, or a script holds "<!--" before it (the script data's escaped states,
                // where its end is not the first end tag)
                break;
            }
            if (title) {
                if (html.indexOf('<', tagEnd) != close) {
                    break; // a '<' in a title's text, which Jsoup may read as a tag
                }
            } else {
                // the first character is kept (both halves of a surrogate pair), so the element keeps its data node
                int cut = Character.isHighSurrogate(html.charAt(tagEnd)) ? tagEnd + 2 : tagEnd + 1;
                if (close > cut && !(script && mayBeJson(html, nameEnd, tagEnd))) {
                    if (count == ranges.length) {
                        ranges = Arrays.copyOf(ranges, count * 2);
                    }
                    ranges[count++] = cut;
                    ranges[count++] = close;
                }
            }
            i = close;
        }
        return count == ranges.length ? ranges : Arrays.copyOf(ranges, count);
    }

    /** The head tag named from {@code start} to {@code end} (ASCII letters, any case), of {@link #HEAD_TAGS}; null for any other. */
    private static String headTag(String html, int start, int end) {
        for (String tag : HEAD_TAGS) {
            if (equalsAsciiIgnoreCase(html, start, end, tag)) {
                return tag;
            }
        }
        return null;
    }

    /** Whether the characters from {@code start} to {@code end} are {@code lower} in any ASCII case. */
    private static boolean equalsAsciiIgnoreCase(String html, int start, int end, String lower) {
        if (end - start != lower.length()) {
            return false;
        }
        for (int k = 0; k < lower.length(); k++) {
            char c = html.charAt(start + k);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c) != lower.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Index of the '&lt;' of the first end tag named {@code name} at or after {@code from} that ends a script's, style's
     * or title's text ("&lt;/" and the name in any ASCII case, then white space, '/' or '&gt;'); -1 when there is none,
     * or for a {@code script} when "&lt;!--" comes first. One pass over the text's '&lt;'s.
     */
    private static int endTagAt(String html, int from, String name, boolean script) {
        int n = html.length();
        int at = from;
        while (true) {
            int lt = html.indexOf('<', at);
            if (lt < 0 || lt + 1 >= n) {
                return -1;
            }
            char c = html.charAt(lt + 1);
            if (c == '/') {
                int end = lt + 2 + name.length();
                if (end < n && equalsAsciiIgnoreCase(html, lt + 2, end, name)) {
                    char after = html.charAt(end);
                    if (isSpace(after) || after == '/' || after == '>') {
                        return lt;
                    }
                }
            } else if (c == '!' && script && html.startsWith("--", lt + 2)) {
                return -1;
            }
            at = lt + 1;
        }
    }

    /**
     * Whether a script's start tag (its attributes, from {@code from} to {@code to}) may give it a JSON type: it
     * mentions JSON in any case, or holds a character reference, which may spell it ("ld+&amp;#x6a;son").
     */
    private static boolean mayBeJson(String html, int from, int to) {
        for (int k = from; k < to; k++) {
            char c = html.charAt(k);
            if (c == '&' || (c == 'j' || c == 'J') && k + 4 <= to && equalsAsciiIgnoreCase(html, k, k + 4, "json")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Index after the end of a comment whose text starts at {@code from} (after "&lt;!--"), as Jsoup ends one: at
     * "&gt;" or "-&gt;" right away, else at the first "--&gt;" or "--!&gt;" (more dashes before them belong to the
     * comment); -1 when it runs to the end of the page.
     */
    static int commentEnd(String html, int from) {
        int n = html.length();
        if (from < n && html.charAt(from) == '>') {
            return from + 1;
        }
        if (from + 1 < n && html.charAt(from) == '-' && html.charAt(from + 1) == '>') {
            return from + 2;
        }
        int dashes = html.indexOf("--", from);
        while (dashes >= 0) {
            int q = dashes + 2;
            while (q < n && html.charAt(q) == '-') {
                q++;
            }
            if (q < n && html.charAt(q) == '>') {
                return q + 1;
            }
            if (q + 1 < n && html.charAt(q) == '!' && html.charAt(q + 1) == '>') {
                return q + 2;
            }
            dashes = html.indexOf("--", q);
        }
        return -1;
    }

    private static int afterGreaterThan(String html, int from) {
        int gt = html.indexOf('>', from);
        return gt < 0 ? -1 : gt + 1;
    }

    /** What a character is to {@link #tagEnd}: part of a name or value, or one of the marks it reads. */
    private static final byte NAME = 0;
    private static final byte SPACE = 1;
    private static final byte SLASH = 2;
    private static final byte END = 3;
    private static final byte EQUALS = 4;
    private static final byte QUOTE = 5;
    /** '<' and NUL: the scan does not follow a tag holding them (out of a quoted value). */
    private static final byte STOP = 6;
    /** '`': a name character, but the scan does not follow an unquoted value holding it. */
    private static final byte BACKTICK = 7;
    private static final byte[] TAG_CHARS = new byte[128];

    static {
        for (char c : new char[] {' ', '\n', '\t', '\r', '\f'}) {
            TAG_CHARS[c] = SPACE;
        }
        TAG_CHARS['/'] = SLASH;
        TAG_CHARS['>'] = END;
        TAG_CHARS['='] = EQUALS;
        TAG_CHARS['"'] = QUOTE;
        TAG_CHARS['\''] = QUOTE;
        TAG_CHARS['<'] = STOP;
        TAG_CHARS[0] = STOP;
        TAG_CHARS['`'] = BACKTICK;
    }

    private static int tagChar(char c) {
        return c < 128 ? TAG_CHARS[c] : NAME;
    }

    /**
     * Index after the '&gt;' that ends a tag, reading its attributes from {@code at} (just after its name) as Jsoup
     * does; -1 at anything the scan does not follow (see the class comment) or at the end of the page.
     */
    static int tagEnd(String html, int at) {
        int n = html.length();
        int p = at;
        while (p < n) {
            int kind = tagChar(html.charAt(p));
            if (kind == SPACE || kind == SLASH) {
                p++; // between attributes ('/' not before '>' is dropped)
                continue;
            }
            if (kind == END) {
                return p + 1;
            }
            if (kind != NAME && kind != BACKTICK) {
                return -1; // Jsoup ends the tag at '<'; a quote or '=' starts a name out of the ordinary
            }
            // an attribute name, to white space, '/', '>' or '='
            do {
                p++;
            } while (p < n && ((kind = tagChar(html.charAt(p))) == NAME || kind == BACKTICK));
            if (p < n && kind != SPACE && kind != SLASH && kind != END && kind != EQUALS) {
                return -1; // '<', NUL or a quote inside a name
            }
            while (p < n && tagChar(html.charAt(p)) == SPACE) {
                p++;
            }
            if (p >= n || html.charAt(p) != '=') {
                continue; // no value: the next attribute, '/' or '>'
            }
            p++;
            while (p < n && tagChar(html.charAt(p)) == SPACE) {
                p++;
            }
            if (p >= n) {
                return -1;
            }
            char c = html.charAt(p);
            if (c == '"' || c == '\'') {
                int close = html.indexOf(c, p + 1);
                if (close < 0) {
                    return -1;
                }
                p = close + 1;
            } else if (c != '>') {
                // an unquoted value, to white space or '>'
                while (p < n && (kind = tagChar(html.charAt(p))) != SPACE && kind != END) {
                    if (kind != NAME && kind != SLASH) {
                        return -1; // '<', NUL, a quote, '=' or '`', which Jsoup reads into the value
                    }
                    p++;
                }
            }
        }
        return -1;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || c >= '0' && c <= '9';
    }

    /**
     * A reader of a page that passes over ranges of it, and otherwise reads as {@link java.io.StringReader} does: each
     * read fills all it is asked for while there is page left (Jsoup's look-ahead sees as much as it would).
     */
    static final class Skipping extends Reader {
        private final String html;
        private final int[] ranges;
        private int pos;
        private int range;

        Skipping(String html, int[] ranges) {
            this.html = html;
            this.ranges = ranges;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            int done = 0;
            while (done < len) {
                while (range < ranges.length && pos >= ranges[range]) {
                    pos = Math.max(pos, ranges[range + 1]);
                    range += 2;
                }
                int limit = range < ranges.length ? ranges[range] : html.length();
                if (pos >= limit) {
                    break;
                }
                int count = Math.min(len - done, limit - pos);
                html.getChars(pos, pos + count, buf, off + done);
                pos += count;
                done += count;
            }
            return done == 0 && len > 0 ? -1 : done;
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
