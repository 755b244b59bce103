package org.cryptosec.reader.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

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
        Document doc = Jsoup.parse(html);
        return TextRenderer.render(doc.body());
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
