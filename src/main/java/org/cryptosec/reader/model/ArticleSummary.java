package org.cryptosec.reader.model;

import java.time.Instant;
import java.util.List;

/** One row of the article list: enough to paint it without loading the body. */
public record ArticleSummary(
        long id,
        long feedId,
        String title,
        String source,
        List<String> authors,
        Instant published,
        String excerpt,
        boolean read,
        boolean starred) {

    public ArticleSummary {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
