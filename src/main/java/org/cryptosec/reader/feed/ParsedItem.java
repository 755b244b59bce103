package org.cryptosec.reader.feed;

import java.time.Instant;
import java.util.List;

/** One entry of a feed, in our own terms. URLs are absolute. Any field but the lists may be null. */
public record ParsedItem(String guid, String url, String title, List<String> authors, Instant published,
                         String summaryHtml, String contentHtml, List<String> categories, String imageUrl) {
    public ParsedItem {
        authors = authors == null ? List.of() : List.copyOf(authors);
        categories = categories == null ? List.of() : List.copyOf(categories);
    }
}
