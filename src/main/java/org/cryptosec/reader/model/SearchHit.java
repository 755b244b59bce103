package org.cryptosec.reader.model;

import java.time.Instant;
import java.util.List;

/** One search result. {@code snippet} holds HTML with matches in {@code <b>}, everything else escaped. */
public record SearchHit(
        long articleId,
        String title,
        String url,
        String source,
        List<String> authors,
        Instant published,
        String lang,
        String snippet,
        float score) {

    public SearchHit {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }
}
