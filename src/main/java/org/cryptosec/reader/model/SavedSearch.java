package org.cryptosec.reader.model;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A stored search shown like a feed: the query text, the facet filters it is narrowed to (values of
 * one dimension ORed, dimensions ANDed, as in {@link SearchQuery}) and the order of its hits. The
 * query may be empty when there are filters (then every article passing them is a hit).
 */
public record SavedSearch(long id, String name, String query, List<FacetFilter> filters, SearchSort sort,
        Instant created) {

    public SavedSearch {
        query = query == null ? "" : query;
        filters = filters == null ? List.of() : List.copyOf(new LinkedHashSet<>(filters));
        sort = sort == null ? SearchSort.RELEVANCE : sort;
    }

    /** A saved search of query text only (best match first, no filters). */
    public SavedSearch(long id, String name, String query, Instant created) {
        this(id, name, query, List.of(), SearchSort.RELEVANCE, created);
    }

    /** This search as a query for at most {@code limit} hits. */
    public SearchQuery toQuery(int limit, boolean countFacets) {
        return new SearchQuery(query, limit, sort, filters, countFacets);
    }

    /** The filters as typed on the command line: "source=Rekt News", in order. */
    public List<String> filterTexts() {
        return filters.stream().map(FacetFilter::text).toList();
    }
}
