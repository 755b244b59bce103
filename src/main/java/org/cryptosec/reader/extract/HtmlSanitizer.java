package org.cryptosec.reader.extract;

import java.net.MalformedURLException;
import java.net.URL;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.internal.StringUtil;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.parser.Tag;

/**
 * Strict allowlist sanitizer: what it returns is safe to render. Idempotent. Thread-safe.
 *
 * <p>Only the tags in {@link #ALLOWED_TAGS} survive, each with only its attributes in {@link #ALLOWED_ATTRIBUTES};
 * URLs must be http(s) (or mailto: for links) and are made absolute against the base URL; links get
 * {@code rel="noopener noreferrer"}. Active content (script, style, iframe, object, embed, svg, math, form
 * controls...) is dropped with everything inside it; other unknown tags are unwrapped (their text stays). A
 * {@code div} holding only inline content becomes a {@code p} so paragraphs don't run together.
 */
public final class HtmlSanitizer {

    /** Tags that may appear in the output. */
    public static final Set<String> ALLOWED_TAGS = Lookup.setOf(
            "p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "q", "cite", "ul", "ol", "li", "dl", "dt", "dd",
            "a", "img", "figure", "figcaption", "pre", "code", "em", "strong", "b", "i", "u", "s", "sub", "sup", "small",
            "mark", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td", "hr", "abbr", "time", "del", "ins",
            "kbd", "samp", "var");

    /** Attributes allowed per tag (no tag has any other attribute). */
    public static final Map<String, Set<String>> ALLOWED_ATTRIBUTES = Lookup.mapOf(Map.of(
            "a", Lookup.setOf("href", "title", "rel"),
            "img", Lookup.setOf("src", "alt", "title", "width", "height"),
            "td", Lookup.setOf("colspan", "rowspan"),
            "th", Lookup.setOf("colspan", "rowspan"),
            "time", Lookup.setOf("datetime"),
            "abbr", Lookup.setOf("title")));

    /** Dropped together with everything inside them. */
    static final Set<String> DROP_WITH_CONTENT = Lookup.setOf(
            "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg", "math",
            "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "head", "title", "meta", "link", "base",
            "canvas", "audio", "video", "source", "track", "input", "button", "select", "option", "optgroup", "datalist",
            "textarea", "keygen", "output", "dialog", "portal", "map", "area", "slot", "menu", "nav");

    /** Block containers that are unwrapped; when they hold only inline content they become paragraphs. */
    private static final Set<String> BLOCK_CONTAINERS = Lookup.setOf(
            "div", "section", "article", "main", "header", "footer", "aside", "center", "address", "details", "summary",
            "hgroup", "fieldset", "legend", "form", "body", "html");

    /** Tags that start a block: a container holding one of these is not turned into a paragraph. */
    private static final Set<String> BLOCK_TAGS = Lookup.setOf(
            "p", "div", "section", "article", "main", "header", "footer", "aside", "center", "address", "details",
            "summary", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "li", "dt", "dd", "table", "thead", "tbody",
            "tfoot", "tr", "td", "th", "caption", "blockquote", "pre", "figure", "figcaption", "hr", "form", "fieldset",
            "hgroup", "nav", "menu", "iframe", "video", "audio", "canvas", "picture", "noscript", "object", "embed",
            "svg", "math", "template", "dialog");

    /** Where a paragraph may be placed without the parser moving it on a re-parse. */
    private static final Set<String> FLOW_PARENTS = Lookup.setOf("body", "blockquote", "li", "dd", "td", "th", "figure");

    private static final Set<String> KEEP_WHEN_EMPTY = Lookup.setOf("br", "hr", "img", "td", "th", "tr");

    private static final int MAX_PASSES = 4;

    public String sanitize(String html, String baseUrl) {
        if (html == null || html.isBlank()) {
            return "";
        }
        Document doc;
        try {
            doc = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
        } catch (RuntimeException e) {
            // Jsoup's parser fails on some deep nesting (formatting elements at its depth limit): keep only the text
            String text = TAGS_OR_COMMENTS.matcher(html).replaceAll(" ");
            text = TextRenderer.collapse(Parser.unescapeEntities(text, false)).strip();
            return text.isEmpty() ? "" : sanitize("<p>" + Entities.escape(text) + "</p>", baseUrl);
        }
        return strippedHtml(sanitizeToBody(doc.body(), baseUrl));
    }

    /** Markup, for the text-only fallback when the parser fails. */
    private static final Pattern TAGS_OR_COMMENTS = Pattern.compile("<!--.*?-->|<[^>]*>", Pattern.DOTALL);

    /**
     * Sanitizes an already parsed tree (used by the extractor to avoid a second parse of the whole page) and
     * returns the body of the final, stable document; its {@code html()} is what {@link #sanitize} returns.
     */
    Element sanitizeToBody(Element source, String baseUrl) {
        return settled(cleanToDocument(source, baseUrl, true), baseUrl);
    }

    /** A sanitized tree ({@link #sanitizeToBody}) with its HTML and text ({@link #output}). */
    record Sanitized(Element body, Output output) {
    }

    /**
     * {@code sanitizeToBody(source, baseUrl)} and the {@link #output} of it, the clean copy walked once: whether it
     * is stable is checked as it is written (the characters of its texts as the writer reads them), and only when
     * it is not (or a text is not read there) is it checked and written again as {@link #sanitizeToBody} and
     * {@link #output} do.
     */
    Sanitized sanitizeToOutput(Element source, String baseUrl) {
        return sanitizeToOutput(source, baseUrl, null);
    }

    /**
     * {@link #sanitizeToOutput(Element, String)} with the figures of {@code source} (null when unknown): its HTML and
     * text are written to builders sized from them, so that they rarely grow (their growth, copying all written so
     * far each time, cost as much as the final copies of the output).
     */
    Sanitized sanitizeToOutput(Element source, String baseUrl, ContentExtractor.Stats figures) {
        Document out = cleanToDocument(source, baseUrl, true);
        Element body = out.body();
        StringBuilder sb = new StringBuilder(figures == null ? 1024 : htmlCapacity(figures));
        TextRenderer.Writer text = new TextRenderer.Writer(body, figures == null ? 1024 : textCapacity(figures));
        if (write(body, sb, text, new StabilityCheck()) == 0) {
            return new Sanitized(body, new Output(TextRenderer.stripped(sb), text.finish()));
        }
        Element settled = settled(out, baseUrl);
        return new Sanitized(settled, output(settled));
    }

    /**
     * A capacity for the HTML of an element with these figures: its collapsed text, with room for the markup of its
     * elements and the URLs of its links (a least-squares fit over the benchmark's articles, with a margin: under it
     * for nine articles in ten, and about a third over for half of them). Capped, as the figures may be stale.
     */
    static int htmlCapacity(ContentExtractor.Stats figures) {
        long estimate = (long) (1.3 * (1.2 * figures.text + 3.2 * (figures.end - figures.order + 1) + 110.0 * figures.links));
        return (int) Math.max(256, Math.min(estimate + 64, 1 << 22));
    }

    /** A capacity for the text of an element with these figures: its collapsed text and a few line breaks. */
    static int textCapacity(ContentExtractor.Stats figures) {
        return (int) Math.max(256, Math.min(figures.text * 1.05 + 64, 1 << 22));
    }

    /** The body of a cleaned document as {@link #sanitizeToBody} gives it: as it is when stable, else settled. */
    private Element settled(Document out, String baseUrl) {
        boolean[] carriageReturn = {false};
        if (stable(out.body(), 0, 0, carriageReturn)) {
            if (carriageReturn[0]) {
                // the parser keeps carriage returns in text, so a re-parse would only have joined adjacent texts
                joinAdjacentText(out.body());
            }
            return out.body(); // a re-parse of its HTML gives the same tree: no need to serialize and parse again
        }
        return settle(out, baseUrl, true);
    }

    /**
     * The long way {@link #sanitizeToBody} stands for: the tree cleaned as it is (table parts outside a table kept
     * where they are), then serialized, parsed and cleaned again until its HTML settles; for tests to check the short
     * cuts against.
     */
    Element sanitizeByReparse(Element source, String baseUrl) {
        return settle(cleanToDocument(source, baseUrl, false), baseUrl, false);
    }

    /** Serializes, parses and cleans {@code out} again until its HTML settles; plain text if it does not. */
    private Element settle(Document out, String baseUrl, boolean unwrapStrayTableParts) {
        String html = html(out.body());
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            Document reparsed;
            try {
                reparsed = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
            } catch (RuntimeException e) {
                break; // the parser fails on some deep nesting: the plain text below
            }
            Document again = cleanToDocument(reparsed.body(), baseUrl, unwrapStrayTableParts);
            String againHtml = html(again.body());
            if (againHtml.equals(html)) {
                return again.body();
            }
            html = againHtml;
            out = again;
        }
        // Did not settle (pathological nesting): fall back to escaped plain text, which is stable.
        Document plain = newDocument(baseUrl);
        String text = out.body().text();
        if (!text.isBlank()) {
            plain.body().appendElement("p").text(text);
        }
        return plain.body();
    }

    /** Allowed tags the HTML syntax writes without an end tag. */
    private static final Set<String> VOID_TAGS = Lookup.setOf("br", "hr", "img");

    /**
     * What {@code root.html()} gives for a tree this sanitizer built (settings of {@link #newDocument}: no pretty
     * printing, base entities, UTF-8), written directly instead of through Jsoup's general printer. An element this
     * writer was not made for (outside the allowlist, another namespace, a void element with children) is written by
     * Jsoup itself, so the result is always Jsoup's.
     */
    static String html(Element root) {
        return html(root, false);
    }

    /** {@code html(root).strip()}, without copying the HTML twice. */
    static String strippedHtml(Element root) {
        return html(root, true);
    }

    private static String html(Element root, boolean strip) {
        Document owner = root.ownerDocument();
        if (owner == null || !isOwnSettings(owner.outputSettings())) {
            return strip ? root.html().strip() : root.html();
        }
        StringBuilder sb = new StringBuilder(256);
        write(root, sb, null, null);
        return strip ? TextRenderer.stripped(sb) : sb.toString();
    }

    /** The HTML and the text of a sanitized tree. */
    record Output(String html, String text) {
    }

    /**
     * {@code strippedHtml(root)} and {@code TextRenderer.render(root)}, from one walk of the tree instead of one
     * each.
     */
    static Output output(Element root) {
        Document owner = root.ownerDocument();
        if (owner == null || !isOwnSettings(owner.outputSettings())) {
            return new Output(root.html().strip(), TextRenderer.render(root));
        }
        StringBuilder sb = new StringBuilder(1024);
        TextRenderer.Writer text = new TextRenderer.Writer(root);
        write(root, sb, text, null);
        return new Output(TextRenderer.stripped(sb), text.finish());
    }

    /**
     * Writes the HTML of what {@code root} holds to {@code sb} and, when {@code text} is not null, reports the walk
     * to it. An element this writer was not made for is written whole by Jsoup; the walk goes on inside it only
     * for the text, writing no HTML until it leaves it. With {@code check}, the walk is reported to it too. Returns
     * 0 when no text holds a character that makes {@link #stable} say no or join texts (a carriage return, NUL or
     * form feed), every text was read, and {@code check} (if any) did not fail; else not 0.
     */
    private static int write(Element root, StringBuilder sb, TextRenderer.Writer text, StabilityCheck check) {
        int marks = 0;
        if (text != null) {
            text.start(root);
        }
        if (check != null) {
            check.start(root);
        }
        Element opaque = null; // the element Jsoup wrote whole, while the walk is inside it
        Node node = root.childNodeSize() == 0 ? null : root.childNode(0);
        while (node != null) {
            boolean descend = false;
            if (node instanceof TextNode t) {
                String whole = t.getWholeText();
                if (check != null) {
                    check.text(whole);
                }
                if (opaque == null && text != null && node.getClass() == TextNode.class && text.collapses()) {
                    // the common case: the HTML and the collapsed text on one reading of the text
                    int from = text.beginCollapsed(whole);
                    if (from < 0) {
                        escape(whole, sb, false);
                        marks |= marks(whole);
                    } else {
                        marks |= escapeAndCollapse(whole, sb, from, text.out());
                    }
                } else {
                    marks |= marks(whole);
                    if (opaque == null) {
                        if (node.getClass() == TextNode.class) {
                            escape(whole, sb, false);
                        } else {
                            sb.append(node.outerHtml());
                        }
                    }
                    if (text != null) {
                        text.text(whole);
                    }
                }
            } else if (node instanceof Element el) {
                if (check != null) {
                    check.start(el);
                }
                if (opaque == null) {
                    if (isPlain(el)) {
                        openTag(el, sb);
                        if (el.childNodeSize() == 0 && !VOID_TAGS.contains(el.normalName())) {
                            sb.append("</").append(el.normalName()).append('>');
                        }
                    } else {
                        sb.append(el.outerHtml());
                        opaque = el;
                        marks |= MARKED; // its texts may not all be read
                    }
                }
                boolean rendered = text != null && text.start(el);
                descend = el.childNodeSize() > 0 && (opaque == null || rendered);
                if (!descend) {
                    // the element ends at once
                    if (opaque == el) {
                        opaque = null;
                    }
                    if (text != null) {
                        text.end(el);
                    }
                    if (check != null) {
                        check.end();
                    }
                }
            } else {
                if (opaque == null) {
                    sb.append(node.outerHtml());
                }
                if (check != null) {
                    check.failed = true; // a comment or data: the long way
                }
            }
            if (descend) {
                node = node.childNode(0);
                continue;
            }
            while (node != root && node.nextSibling() == null) {
                node = node.parent();
                if (node != root) {
                    Element el = (Element) node;
                    if (opaque == null) {
                        sb.append("</").append(el.normalName()).append('>');
                    } else if (opaque == el) {
                        opaque = null;
                    }
                    if (text != null) {
                        text.end(el);
                    }
                    if (check != null) {
                        check.end();
                    }
                }
            }
            node = node == root ? null : node.nextSibling();
        }
        return check != null && check.failed ? marks | MARKED : marks;
    }

    /** {@link #MARKED} when a text holds a character {@link #stable} looks for (see {@link #write}), else 0. */
    private static int marks(String text) {
        return text.indexOf('\r') >= 0 || text.indexOf('\0') >= 0 || text.indexOf('\f') >= 0 ? MARKED : 0;
    }

    private static boolean isOwnSettings(Document.OutputSettings s) {
        return !s.prettyPrint() && !s.outline() && s.escapeMode() == Entities.EscapeMode.base
                && s.syntax() == Document.OutputSettings.Syntax.html && s.charset().name().equals("UTF-8");
    }

    /** An allowed HTML element whose start and end tags this writer produces exactly as Jsoup does. */
    private static boolean isPlain(Element el) {
        String tag = el.normalName();
        return ALLOWED_TAGS.contains(tag) && tag.equals(el.tagName())
                && org.jsoup.parser.Parser.NamespaceHtml.equals(el.tag().namespace())
                && !(VOID_TAGS.contains(tag) && el.childNodeSize() > 0)
                && !(tag.equals("pre") && startsWithLineBreak(el));
    }

    /**
     * Whether the first child of {@code el} is text opening with a line break: Jsoup writes an extra line break
     * after such a {@code pre}'s start tag (the parser drops one), so that element is left to Jsoup.
     */
    private static boolean startsWithLineBreak(Element el) {
        if (el.childNodeSize() > 0 && el.childNode(0) instanceof TextNode t) {
            String text = t.getWholeText();
            return !text.isEmpty() && (text.charAt(0) == '\n' || text.charAt(0) == '\r');
        }
        return false;
    }

    private static void openTag(Element el, StringBuilder sb) {
        sb.append('<').append(el.normalName());
        if (el.attributesSize() == 0) {
            sb.append('>'); // most elements (asking for the attributes would make an empty set of them)
            return;
        }
        Set<String> allowed = ALLOWED_ATTRIBUTES.get(el.normalName());
        for (Attribute attr : el.attributes()) {
            String key = attr.getKey();
            if (allowed == null || !allowed.contains(key)) {
                sb.append(' ');
                sb.append(attr.html()); // not one of ours: Jsoup's own rules (key validation, boolean attributes)
                continue;
            }
            sb.append(' ').append(key).append("=\"");
            escape(attr.getValue(), sb, true);
            sb.append('"');
        }
        sb.append('>');
    }

    /** The ASCII characters {@link #escape} writes as they are, in text and in attribute values. */
    private static final boolean[] PLAIN_IN_TEXT = new boolean[0x80];
    private static final boolean[] PLAIN_IN_ATTRIBUTE = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            boolean plain = c >= 0x20 && c != '&' && c != '<' && c != '>' || c == '\t' || c == '\n' || c == '\r';
            PLAIN_IN_TEXT[c] = plain;
            PLAIN_IN_ATTRIBUTE[c] = plain && c != '"';
        }
    }

    /**
     * Jsoup's escaping for UTF-8 output with base entities: {@code &}, no-break space, {@code <} and {@code >}, and
     * in attributes {@code "}; control characters other than tab, line feed and carriage return, and
     * characters UTF-8 cannot hold (lone surrogates), as hexadecimal references.
     */
    private static void escape(String s, StringBuilder sb, boolean attribute) {
        boolean[] plain = attribute ? PLAIN_IN_ATTRIBUTE : PLAIN_IN_TEXT;
        int length = s.length();
        int start = 0;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < 0x80 ? plain[c] : c != 0xA0 && !Character.isSurrogate(c)) {
                continue;
            }
            sb.append(s, start, i);
            i = writeEscaped(s, i, sb);
            start = i + 1;
        }
        appendFrom(sb, s, start);
    }

    /**
     * Writes the escaped form of the character of {@code s} at {@code i}; returns the index of the last character
     * written (the next one for a valid surrogate pair, which is written as it is).
     */
    private static int writeEscaped(String s, int i, StringBuilder sb) {
        char c = s.charAt(i);
        switch (c) {
            case '&' -> sb.append("&amp;");
            case 0xA0 -> sb.append("&nbsp;");
            case '<' -> sb.append("&lt;");
            case '>' -> sb.append("&gt;");
            case '"' -> sb.append("&quot;");
            default -> {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    sb.append(c).append(s.charAt(i + 1));
                    return i + 1;
                }
                sb.append("&#x").append(Integer.toHexString(c)).append(';');
            }
        }
        return i;
    }

    /**
     * Characters that {@link #escape} writes otherwise in text ({@code ESCAPED}), that collapse in the text
     * ({@code COLLAPSED}), or that {@link #stable} looks for in a text ({@code MARKED}: carriage return, NUL, form feed).
     */
    private static final byte ESCAPED = 1;
    private static final byte COLLAPSED = 2;
    private static final byte MARKED = 4;
    private static final byte[] ASCII_KIND = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_KIND[c] = (byte) ((PLAIN_IN_TEXT[c] ? 0 : ESCAPED) | (TextRenderer.isCollapsedSpace(c) ? COLLAPSED : 0)
                    | (c == '\r' || c == '\0' || c == '\f' ? MARKED : 0));
        }
    }

    /**
     * {@code escape(s, html, false)} and {@code TextRenderer.appendCollapsing(s, from, text)} in one reading of
     * {@code s}: each run of collapsible white space from {@code from} on is written to the text as one space (a
     * plain space between two other characters as it is), everything else as it is. Returns {@link #MARKED} when
     * {@code s} holds a character {@link #stable} looks for, else 0.
     */
    private static int escapeAndCollapse(String s, StringBuilder html, int from, StringBuilder text) {
        int length = s.length();
        int kinds = 0; // those of the characters other than plain ones

        int plainHtml = 0; // the start of the characters not yet written to the HTML
        int plainText = from; // the same for the text, unless inside a run of white space (inRun)
        boolean inRun = false;
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            int kind = c < 0x80 ? ASCII_KIND[c]
                    : c == 0xA0 ? ESCAPED | COLLAPSED : c == 0x200B ? COLLAPSED : Character.isSurrogate(c) ? ESCAPED : 0;
            if (kind == 0 && !inRun) {
                continue;
            }
            kinds |= kind;
            if (i >= from) {
                if ((kind & COLLAPSED) == 0) {
                    if (inRun) {
                        inRun = false; // the run ends
                        plainText = i;
                    }
                } else if (!inRun && !(c == ' ' && (i + 1 == length || !TextRenderer.isCollapsedSpace(s.charAt(i + 1))))) {
                    text.append(s, plainText, i).append(' '); // a run starts: one space for all of it
                    inRun = true;
                }
            }
            if ((kind & ESCAPED) != 0) {
                html.append(s, plainHtml, i);
                // a valid surrogate pair is read whole: its low half is no white space, nothing for the text
                i = writeEscaped(s, i, html);
                plainHtml = i + 1;
            }
        }
        appendFrom(html, s, plainHtml);
        if (!inRun) {
            appendFrom(text, s, plainText);
        }
        return kinds & MARKED;
    }

    /**
     * {@code sb.append(s, from, s.length())}; a whole string is appended as one, which is cheaper (a part is copied a
     * char at a time when the builder already holds a character beyond Latin-1 and the string does not).
     */
    private static void appendFrom(StringBuilder sb, String s, int from) {
        if (from == 0) {
            sb.append(s);
        } else {
            sb.append(s, from, s.length());
        }
    }

    /** Tags whose start closes an open {@code p} (HTML parsing rules), among those the output may hold. */
    private static final Set<String> CLOSES_P = Lookup.setOf(
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "dl", "li", "dt", "dd", "blockquote", "pre", "figure",
            "figcaption", "table", "hr");
    private static final Set<String> HEADINGS = Lookup.setOf("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TABLE_SECTIONS = Lookup.setOf("thead", "tbody", "tfoot");
    /** What {@link #stable} has found around an element: a paragraph, a link, a list item, a term or definition. */
    private static final int IN_P = 1;
    private static final int IN_A = 2;
    private static final int IN_LI = 4;
    private static final int IN_DT_DD = 8;
    /** Deeper trees take the slow path (the parser limits nesting depth). */
    private static final int MAX_STABLE_DEPTH = 100;

    /**
     * Whether serializing {@code root} and parsing it again as a body fragment certainly yields the same tree: no
     * element the parser would close, move, re-nest or drop (a block inside a paragraph, a link inside a link, list
     * items, table parts or headings out of place, a leading newline in pre, characters the parser rewrites). A
     * conservative check: false only sends the tree through the serialize-and-parse fixed point.
     */
    static boolean isParserStable(Element root) {
        boolean[] carriageReturn = {false};
        return stable(root, 0, 0, carriageReturn) && !carriageReturn[0];
    }

    /**
     * {@link #isParserStable}, except that text holding a carriage return (which the parser keeps as it is) only
     * sets {@code carriageReturn[0]}: such a tree re-parses to itself with adjacent texts joined.
     */
    private static boolean stable(Element el, int depth, int inside, boolean[] carriageReturn) {
        String tag = el.normalName();
        int childInside = childInside(el, tag, el.parent() == null ? "" : el.parent().normalName(), depth, inside);
        if (childInside < 0) {
            return false;
        }
        boolean tableStructure = isTableStructure(tag);
        boolean first = true;
        for (int i = 0, size = el.childNodeSize(); i < size; i++) {
            Node child = el.childNode(i);
            if (child instanceof TextNode t) {
                String text = t.getWholeText();
                if (text.indexOf('\r') >= 0) {
                    carriageReturn[0] = true;
                }
                if (text.indexOf('\0') >= 0 || text.indexOf('\f') >= 0 || !stableText(text, tag, first, tableStructure)) {
                    return false;
                }
                if (text.isEmpty()) {
                    continue; // written as nothing: the next text still follows the start tag directly
                }
            } else if (child instanceof Element c) {
                if (tableStructure && !isTablePart(tag, c.normalName())
                        || !stable(c, depth + 1, childInside, carriageReturn)) {
                    return false;
                }
            } else {
                return false;
            }
            first = false;
        }
        return true;
    }

    /**
     * {@link #stable}'s checks of an element itself, given its parent's tag, its depth and what its ancestors make
     * it {@code inside}: what its children are inside, or -1 when the parser would not leave it where it is.
     */
    private static int childInside(Element el, String tag, String parent, int depth, int inside) {
        if (depth > MAX_STABLE_DEPTH) {
            return -1;
        }
        if ((inside & IN_P) != 0 && CLOSES_P.contains(tag) || (inside & IN_A) != 0 && tag.equals("a")) {
            return -1;
        }
        if (VOID_TAGS.contains(tag) && el.childNodeSize() > 0) {
            return -1; // written without what it holds
        }
        int childInside = inside;
        switch (tag) {
            case "p" -> childInside |= IN_P;
            case "a" -> childInside |= IN_A;
            case "li" -> {
                // the parser closes an open list item for a new one (none open: it stays where it is)
                if (!parent.equals("ul") && !parent.equals("ol") && (inside & IN_LI) != 0) {
                    return -1;
                }
                childInside |= IN_LI;
            }
            case "dt", "dd" -> {
                // the same for terms and definitions
                if (!parent.equals("dl") && (inside & IN_DT_DD) != 0) {
                    return -1;
                }
                childInside |= IN_DT_DD;
            }
            case "tr" -> {
                if (!TABLE_SECTIONS.contains(parent)) {
                    return -1;
                }
            }
            case "td", "th" -> {
                if (!parent.equals("tr")) {
                    return -1;
                }
            }
            case "thead", "tbody", "tfoot", "caption" -> {
                if (!parent.equals("table")) {
                    return -1;
                }
            }
            default -> {
                if (HEADINGS.contains(tag) && HEADINGS.contains(parent)) {
                    return -1;
                }
            }
        }
        return childInside;
    }

    /** Whether an element of this tag may hold table parts and blank text only. */
    private static boolean isTableStructure(String tag) {
        return tag.equals("table") || tag.equals("tr") || TABLE_SECTIONS.contains(tag);
    }

    /**
     * {@link #stable}'s checks of a text in an element of this tag, but for the characters it searches the texts
     * for: a line break opening a pre, text in a table's structure, half of a surrogate pair at an end.
     */
    private static boolean stableText(String text, String tag, boolean first, boolean tableStructure) {
        return !(first && tag.equals("pre") && (text.startsWith("\n") || text.startsWith("\r"))
                || tableStructure && !StringUtil.isBlank(text) || splitsSurrogatePair(text));
    }

    /**
     * {@link #stable} but for its search of the texts' characters, made as the writer's walk reports the tree (an
     * element started, a text, an element ended; the root first): {@link #failed} once the tree is not stable.
     */
    private static final class StabilityCheck {
        /** Bits of an open element's state beside what its children are inside ({@link #IN_P} and the others). */
        private static final int FIRST = 16; // no child of it written yet (an empty text writes nothing)
        private static final int TABLE_STRUCTURE = 32; // it holds table parts only
        private static final int INSIDE = IN_P | IN_A | IN_LI | IN_DT_DD;
        /** Per open element, the root first: its tag, and its state. */
        private String[] tags = new String[16];
        private int[] states = new int[16];
        private int open;
        boolean failed;

        void start(Element el) {
            if (failed) {
                return;
            }
            String tag = el.normalName();
            String parent;
            int parentInside = 0;
            if (open == 0) {
                parent = el.parent() == null ? "" : el.parent().normalName();
            } else {
                int p = open - 1;
                parent = tags[p];
                parentInside = states[p] & INSIDE;
                if ((states[p] & TABLE_STRUCTURE) != 0 && !isTablePart(parent, tag)) {
                    failed = true;
                    return;
                }
                states[p] &= ~FIRST;
            }
            int childInside = childInside(el, tag, parent, open, parentInside);
            if (childInside < 0) {
                failed = true;
                return;
            }
            if (open == tags.length) {
                tags = java.util.Arrays.copyOf(tags, open * 2);
                states = java.util.Arrays.copyOf(states, open * 2);
            }
            tags[open] = tag;
            states[open++] = childInside | FIRST | (isTableStructure(tag) ? TABLE_STRUCTURE : 0);
        }

        void text(String text) {
            if (failed) {
                return;
            }
            int p = open - 1;
            if (!stableText(text, tags[p], (states[p] & FIRST) != 0, (states[p] & TABLE_STRUCTURE) != 0)) {
                failed = true;
            } else if (!text.isEmpty()) {
                states[p] &= ~FIRST;
            }
        }

        void end() {
            open--;
        }
    }

    /**
     * Whether a text could hold half of a surrogate pair whose other half is in the adjacent text: each half is
     * written as a character reference, and the parser joins the two into one character.
     */
    private static boolean splitsSurrogatePair(String text) {
        return !text.isEmpty() && (Character.isLowSurrogate(text.charAt(0))
                || Character.isHighSurrogate(text.charAt(text.length() - 1)));
    }

    /** Joins each run of adjacent text nodes into one and drops empty ones, as parsing the tree's HTML would. */
    private static void joinAdjacentText(Element root) {
        for (Element el : root.getAllElements()) {
            for (int i = el.childNodeSize() - 1; i >= 0; i--) {
                if (el.childNode(i) instanceof TextNode t) {
                    String text = t.getWholeText();
                    int start = i;
                    while (start > 0 && el.childNode(start - 1) instanceof TextNode) {
                        start--;
                    }
                    if (start < i) {
                        StringBuilder joined = new StringBuilder();
                        for (int j = start; j <= i; j++) {
                            joined.append(((TextNode) el.childNode(j)).getWholeText());
                        }
                        text = joined.toString();
                        for (int j = i; j > start; j--) {
                            el.childNode(j).remove();
                        }
                        t = (TextNode) el.childNode(start);
                        t.text(text);
                    }
                    if (text.isEmpty()) {
                        t.remove();
                    }
                    i = start;
                }
            }
        }
    }

    private static boolean isTablePart(String tag, String child) {
        return switch (tag) {
            case "table" -> TABLE_SECTIONS.contains(child) || child.equals("caption");
            case "tr" -> child.equals("td") || child.equals("th");
            default -> child.equals("tr");
        };
    }

    private static Document newDocument(String baseUrl) {
        Document doc = Document.createShell(baseUrl == null ? "" : baseUrl);
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return doc;
    }

    /**
     * The allowed part of {@code source}, in a new document. With {@code unwrapStrayTableParts}, a table part (row,
     * cell, section, caption) with no table around it in the output is unwrapped once all it holds is in: the parser
     * ignores such start and end tags, so a re-parse of the HTML would unwrap it anyway. Until then it stands where
     * it is, so what it holds is cleaned as the re-parse would find it (a block holding only inline content in a
     * cell becomes a paragraph). A row or cell that holds nothing but white space stays (the tree then takes the long
     * way) unless it is straight in the root: kept as it is, it keeps its parent, which the parser sees before a
     * second cleaning drops both; any other table part holding nothing is dropped as ever.
     */
    private static Document cleanToDocument(Element source, String baseUrl, boolean unwrapStrayTableParts) {
        Document doc = newDocument(baseUrl);
        Element root = doc.body();
        // what each open element of the source writes into: its copy, or (unwrapped) what its parent writes into
        Deque<Element> stack = new ArrayDeque<>();
        stack.push(root);
        Node node = source;
        while (true) {
            boolean open; // an element walked into, to be ended after all it holds
            if (node == source) {
                stack.push(root);
                open = true;
            } else if (node instanceof TextNode text) {
                stack.peek().appendChild(new TextNode(text.getWholeText()));
                open = false;
            } else if (node instanceof Element el) {
                open = start(el, stack, baseUrl);
            } else {
                open = false; // comments, data nodes (script bodies), doctype
            }
            if (open && node.childNodeSize() > 0) {
                node = node.childNode(0);
                continue;
            }
            if (open) {
                end(stack, unwrapStrayTableParts);
            }
            while (node != source && node.nextSibling() == null) {
                node = node.parent();
                end(stack, unwrapStrayTableParts);
            }
            if (node == source) {
                return doc;
            }
            node = node.nextSibling();
        }
    }

    /** An element of the source starts; false when it is dropped with all it holds. */
    private static boolean start(Element el, Deque<Element> stack, String baseUrl) {
        String tag = el.normalName();
        if (DROP_WITH_CONTENT.contains(tag) || tag.indexOf(':') >= 0) {
            return false;
        }
        Element parent = stack.peek();
        if (ALLOWED_TAGS.contains(tag)) {
            Element copy = copyElement(el, tag, baseUrl);
            if (copy == null) {
                if (tag.equals("img")) {
                    return false;
                }
                stack.push(parent); // a link without a safe target: keep its text
                return true;
            }
            parent.appendChild(copy);
            stack.push(copy);
            return true;
        }
        if (BLOCK_CONTAINERS.contains(tag) && FLOW_PARENTS.contains(parent.normalName()) && hasOnlyInlineContent(el)) {
            Element p = newElement("p");
            parent.appendChild(p);
            stack.push(p);
            return true;
        }
        stack.push(parent); // unwrap: drop the tag, keep what is inside
        return true;
    }

    /** An element of the source ends, all it holds judged. */
    private static void end(Deque<Element> stack, boolean unwrapStrayTableParts) {
        Element top = stack.pop();
        if (top != stack.peek()) {
            // an element of the output ends, all it holds judged before it
            // what it holds keeps its parent as it kept it (the root stays anyway)
            if (unwrapStrayTableParts && isStrayTablePart(top) && (hasContent(top)
                    || top.parent() == stack.peekLast() && KEEP_WHEN_EMPTY.contains(top.normalName()))) {
                top.unwrap();
            } else {
                removeIfEmpty(top);
            }
        }
    }

    /**
     * A table part of the output with no table around it, whose tags the parser would ignore; except in a pre, where
     * its start tag can stand between the pre's and a line break the parser would otherwise drop.
     */
    private static boolean isStrayTablePart(Element el) {
        switch (el.normalName()) {
            case "td", "th", "tr", "tbody", "thead", "tfoot", "caption" -> {
                for (Element up = el.parent(); up != null; up = up.parent()) {
                    String tag = up.normalName();
                    if (tag.equals("table") || tag.equals("pre")) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** The tags of the output, looked up once (creating an element by name looks its tag up every time). */
    private static final Map<String, Tag> TAGS = Lookup.mapOf(ALLOWED_TAGS.stream().collect(java.util.stream.Collectors.toMap(
            t -> t, t -> Tag.valueOf(t, Parser.NamespaceHtml, ParseSettings.preserveCase))));

    /** What {@code new Element(tag)} gives, for an allowed tag. */
    private static Element newElement(String tag) {
        return new Element(TAGS.get(tag), null);
    }

    private static boolean hasOnlyInlineContent(Element el) {
        for (int i = 0, size = el.childNodeSize(); i < size; i++) {
            if (el.childNode(i) instanceof Element child && BLOCK_TAGS.contains(child.normalName())) {
                return false;
            }
        }
        return el.hasText() || hasImage(el);
    }

    /** Whether an img is somewhere below {@code el} (the walk ends at the first). */
    private static boolean hasImage(Element el) {
        Node node = el;
        while (node != null) {
            if (node != el && node instanceof Element e && e.normalName().equals("img")) {
                return true;
            }
            if (node.childNodeSize() > 0) {
                node = node.childNode(0);
                continue;
            }
            while (node != el && node.nextSibling() == null) {
                node = node.parent();
            }
            node = node == el ? null : node.nextSibling();
        }
        return false;
    }

    private static Element copyElement(Element el, String tag, String baseUrl) {
        Element copy = newElement(tag);
        Set<String> allowed = ALLOWED_ATTRIBUTES.get(tag);
        if (allowed == null) {
            return copy; // a tag without attributes of its own (most): none is looked at
        }
        // the names put are lower case, as the other names in the copy: put finds what putIgnoreCase (attr) would
        Attributes attributes = copy.attributes();
        if (tag.equals("a")) {
            String href = safeUrl(el.attr("href"), baseUrl, true);
            if (href == null) {
                return null;
            }
            attributes.put("href", href);
            attributes.put("rel", "noopener noreferrer");
        } else if (tag.equals("img")) {
            String src = safeUrl(el.attr("src"), baseUrl, false);
            if (src == null) {
                return null;
            }
            attributes.put("src", src);
        }
        if (el.attributesSize() == 0) {
            return copy;
        }
        for (Attribute attr : el.attributes()) {
            String name = attr.getKey().toLowerCase(Locale.ROOT);
            if (!allowed.contains(name) || name.equals("href") || name.equals("src") || name.equals("rel")) {
                continue;
            }
            String value = attr.getValue();
            switch (name) {
                case "width", "height", "colspan", "rowspan" -> {
                    String digits = value.trim();
                    if (!digits.isEmpty() && digits.length() <= 5 && isDigits(digits)) {
                        attributes.put(name, digits);
                    }
                }
                default -> attributes.put(name, cleanText(value));
            }
        }
        return copy;
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String cleanText(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            sb.append(c < 0x20 || c == 0x7F ? ' ' : c);
        }
        return sb.toString().trim();
    }

    /**
     * The absolute form of a URL if it is http(s) (or mailto: when allowed), else null. Control characters and
     * white space, which browsers strip, are removed before the scheme is judged.
     */
    static String safeUrl(String raw, String baseUrl, boolean allowMailto) {
        if (raw == null) {
            return null;
        }
        String url = raw;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c <= 0x20 || c == 0x7F) {
                url = withoutControlChars(raw, i); // most URLs have none: copied only when one has
                break;
            }
        }
        while (url.endsWith("%20")) {
            url = url.substring(0, url.length() - 3);
        }
        if (url.isEmpty() || url.startsWith("#")) {
            return null;
        }
        String scheme = scheme(url);
        if (scheme == null) {
            if (baseUrl == null || baseUrl.isBlank()) {
                return null;
            }
            url = resolve(baseUrl, url);
            if (url.isEmpty()) {
                return null;
            }
            scheme = scheme(url);
        }
        if (scheme == null) {
            return null;
        }
        if (scheme.equals("http") || scheme.equals("https")) {
            return url.length() > 4096 ? null : url;
        }
        if (allowMailto && scheme.equals("mailto")) {
            return url;
        }
        return null;
    }

    /** {@code raw} from {@code from} on (the first control character or space) with them removed, inner spaces as %20. */
    private static String withoutControlChars(String raw, int from) {
        StringBuilder sb = new StringBuilder(raw.length() + 8).append(raw, 0, from);
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > 0x20 && c != 0x7F) {
                sb.append(c);
            } else if (c == ' ' && sb.length() > 0) {
                sb.append("%20");
            }
        }
        return sb.toString();
    }

    /**
     * The last base URL parsed on this thread (a page resolves all its links against one base): the string, the URL,
     * and what a path from the root follows (see {@link #fromRoot}).
     */
    private static final ThreadLocal<Object[]> LAST_BASE = ThreadLocal.withInitial(() -> new Object[3]);
    private static final Pattern BASE_CONTROL_CHARS = Pattern.compile("[\\x00-\\x1f]*");

    /** What jsoup's resolver takes off the start of a resolved path: dot segments that climb above the root. */
    private static final Pattern EXTRA_DOT_SEGMENTS = Pattern.compile("^/(?>(?>\\.\\.?/)+)");

    /**
     * What {@code StringUtil.resolve(baseUrl, relative)} gives, for a relative URL without control characters, with
     * the base parsed once per base rather than once per link.
     */
    private static String resolve(String baseUrl, String relative) {
        Object[] last = LAST_BASE.get();
        URL base;
        if (baseUrl.equals(last[0])) {
            base = (URL) last[1];
        } else {
            try {
                base = new URL(hasControlChars(baseUrl) ? BASE_CONTROL_CHARS.matcher(baseUrl).replaceAll("") : baseUrl);
            } catch (MalformedURLException e) {
                base = null;
            }
            last[0] = baseUrl;
            last[1] = base;
            last[2] = base == null ? null : rootOf(base);
        }
        if (base != null) {
            String fromRoot = fromRoot((String) last[2], relative);
            if (fromRoot != null) {
                return fromRoot;
            }
            try {
                return resolve(base, relative);
            } catch (MalformedURLException e) {
                // jsoup's own fallback below
            }
        }
        return StringUtil.resolve(baseUrl, relative);
    }

    /**
     * The scheme and authority an http(s) base gives a path from the root, as {@link #resolve(URL, String)} writes
     * them (no user info; the port only when the base names one); null for another base, or one without a host.
     */
    private static String rootOf(URL base) {
        String protocol = base.getProtocol();
        if (!protocol.equals("http") && !protocol.equals("https") || base.getHost().isEmpty()) {
            return null;
        }
        return protocol + "://" + base.getHost() + (base.getPort() == -1 ? "" : ":" + base.getPort());
    }

    /**
     * What {@link #resolve(URL, String)} gives for a path from the root ("/a/b?q#f"), made without parsing: the
     * {@link #rootOf root} of the base and the path as it is, which the URL parser keeps as it is when the path holds
     * no dot segment ("/.", which is also the only start the dot-segment pass looks at). Null for any other link (a
     * network path "//host/..." among them), or without a root.
     */
    private static String fromRoot(String root, String relative) {
        if (root == null || relative.isEmpty() || relative.charAt(0) != '/'
                || relative.length() > 1 && relative.charAt(1) == '/' || relative.contains("/.")) {
            return null;
        }
        return root.concat(relative);
    }

    /**
     * {@code StringUtil.resolve(base, relative).toExternalForm()} (jsoup 1.24.1) for a relative URL without control
     * characters: the same steps without the control-character pass (a regular expression run on every link), and
     * without the dot-segment pass on a path that cannot hold what it removes.
     */
    private static String resolve(URL base, String relative) throws MalformedURLException {
        String rel = relative.startsWith("?") ? base.getPath() + relative : relative;
        URL url = new URL(base, rel);
        String file = url.getFile();
        if (file.startsWith("/.")) {
            file = EXTRA_DOT_SEGMENTS.matcher(file).replaceFirst("/");
        }
        if (url.getRef() != null) {
            file = file + "#" + url.getRef();
        }
        URL fixed = new URL(url.getProtocol(), url.getHost(), url.getPort(), file);
        String protocol = fixed.getProtocol();
        if ((protocol.equalsIgnoreCase("http") || protocol.equalsIgnoreCase("https")) && fixed.getHost().isEmpty()) {
            throw new MalformedURLException("Invalid URL: host is missing");
        }
        return fixed.toExternalForm();
    }

    private static boolean hasControlChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < 0x20) {
                return true;
            }
        }
        return false;
    }

    private static String scheme(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        for (int i = 0; i < colon; i++) {
            char c = url.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || c == '+' || c == '-' || c == '.'));
            if (!ok || c > 0x7F) {
                return null;
            }
        }
        return url.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /**
     * Removes an element of the output left without child elements and without text (except those in
     * {@link #KEEP_WHEN_EMPTY}); called as each one ends, after its children, so emptiness climbs up.
     */
    private static void removeIfEmpty(Element el) {
        if (!KEEP_WHEN_EMPTY.contains(el.normalName()) && !hasContent(el)) {
            el.remove();
        }
    }

    /** Whether {@code el} holds an element or text that is not blank. */
    private static boolean hasContent(Element el) {
        for (int i = 0, size = el.childNodeSize(); i < size; i++) {
            Node child = el.childNode(i);
            if (child instanceof Element || child instanceof TextNode t && !t.isBlank()) {
                return true;
            }
        }
        return false;
    }
}
