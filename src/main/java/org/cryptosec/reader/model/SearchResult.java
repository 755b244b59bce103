package org.cryptosec.reader.model;

import java.util.List;

/**
 * The answer to a query. {@code total} counts all matches, {@code hits} the first ones.
 * {@code fellBackToPlainWords} is true when the query did not parse and was searched as words.
 * {@code facets} is empty unless {@link SearchQuery#facets()} asked for them.
 */
public record SearchResult(String query, long total, List<SearchHit> hits, boolean fellBackToPlainWords,
        List<Facet> facets) {

    public SearchResult {
        hits = hits == null ? List.of() : List.copyOf(hits);
        facets = facets == null ? List.of() : List.copyOf(facets);
    }

    public SearchResult(String query, long total, List<SearchHit> hits, boolean fellBackToPlainWords) {
        this(query, total, hits, fellBackToPlainWords, List.of());
    }
}
