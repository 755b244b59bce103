package org.cryptosec.reader.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/** Plain Jsoup work outside the extractor: an HTML fragment as text, and a bare parse (the cost floor of extraction). */
public final class HtmlText {

    private HtmlText() {
    }

    /** The text of an HTML document or fragment, rendered as the extractor renders article text. */
    public static String textOf(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        if (html.length() > ArticleExtractor.MAX_PAGE_CHARS) {
            throw new ExtractionException("HTML is too large to render: " + html.length() + " characters");
        }
        Document doc = parse(html, "");
        return TextRenderer.render(doc.body());
    }

    /**
     * Parses a page as Jsoup does by default, but for the text of the scripts and style sheets at its top, which
     * nothing here reads ({@link HeadData}: those elements keep one character of it). When Jsoup's own nesting limit
     * trips over deeply nested formatting elements (jsoup 1.24.1 throws IndexOutOfBoundsException on some 500 levels
     * of div, p and i), the page is parsed again without that limit, so a hostile page is still read; the extractor's
     * later walks turn a stack overflow on such a tree into an {@link ExtractionException}. Throws what the first
     * parse threw when the second fails too.
     */
    static Document parse(String html, String baseUri) {
        int[] skipped = HeadData.skipped(html);
        try {
            return Parser.htmlParser().parseInput(new HeadData.Skipping(html, skipped), baseUri);
        } catch (RuntimeException first) {
            try {
                return Parser.htmlParser().setMaxDepth(Integer.MAX_VALUE)
                        .parseInput(new HeadData.Skipping(html, skipped), baseUri);
            } catch (RuntimeException second) {
                first.addSuppressed(second);
                throw first;
            }
        }
    }

    /** Parses a page with Jsoup and nothing else; returns the number of elements (so the work cannot be skipped). */
    public static int parseOnly(String html, String baseUrl) {
        if (html == null) {
            throw new IllegalArgumentException("html must not be null");
        }
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl);
        return doc.getAllElements().size();
    }
}
