package org.cryptosec.reader.model;

import java.util.List;

/**
 * What the user typed, how many hits they want, their order, facet filters, and whether to count
 * facets. Text may be empty when there are filters (then every article passing them matches).
 */
public record SearchQuery(String text, int limit, SearchSort sort, List<FacetFilter> filters, boolean facets) {

    public SearchQuery {
        text = text == null ? "" : text;
        if (limit <= 0) {
            limit = 20;
        }
        sort = sort == null ? SearchSort.RELEVANCE : sort;
        filters = filters == null ? List.of() : List.copyOf(filters);
    }

    public SearchQuery(String text, int limit) {
        this(text, limit, SearchSort.RELEVANCE, List.of(), false);
    }

    /** True when there is nothing to search for: no words (only white space) and no filters. */
    public boolean isEmpty() {
        return text.isBlank() && filters.isEmpty();
    }

    public SearchQuery withSort(SearchSort newSort) {
        return new SearchQuery(text, limit, newSort, filters, facets);
    }

    public SearchQuery withFilters(List<FacetFilter> newFilters) {
        return new SearchQuery(text, limit, sort, newFilters, facets);
    }

    public SearchQuery withFacets(boolean count) {
        return new SearchQuery(text, limit, sort, filters, count);
    }
}
