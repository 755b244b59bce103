package org.cryptosec.reader.model;

import java.util.List;

/**
 * The answer to a query. {@code total} counts all matches, {@code hits} the first ones.
 * {@code fellBackToPlainWords} is true when the query did not parse and was searched as words.
 */
public record SearchResult(String query, long total, List<SearchHit> hits, boolean fellBackToPlainWords) {

    public SearchResult {
        hits = hits == null ? List.of() : List.copyOf(hits);
    }
}
