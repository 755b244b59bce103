package org.cryptosec.reader.ui;

import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.model.SearchSort;

/** A search as one line for people: "“exploit” · Source: Rekt News · Language: nl · newest first". */
public final class SearchLabels {

    private SearchLabels() {
    }

    public static String describe(SavedSearch search) {
        return describe(search.query(), search.filters(), search.sort());
    }

    /** The quoted query (when there is one), each filter with its facet's name, and the order when it is by date. */
    public static String describe(String query, List<FacetFilter> filters, SearchSort sort) {
        List<String> parts = new ArrayList<>();
        if (query != null && !query.isBlank()) {
            parts.add("\u201c" + query.strip() + "\u201d");
        }
        parts.add(filters(filters));
        if (sort == SearchSort.DATE) {
            parts.add(Messages.get("saved.newestFirst"));
        }
        parts.removeIf(String::isEmpty);
        return String.join(" \u00b7 ", parts);
    }

    /** "Source: Rekt News · Language: nl"; empty without filters. */
    public static String filters(List<FacetFilter> filters) {
        List<String> parts = new ArrayList<>();
        for (FacetFilter f : filters == null ? List.<FacetFilter>of() : filters) {
            parts.add(Messages.get("facet." + f.dimension().key()) + ": " + f.value());
        }
        return String.join(" \u00b7 ", parts);
    }
}
