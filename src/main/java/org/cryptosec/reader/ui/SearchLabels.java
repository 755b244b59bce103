package org.cryptosec.reader.ui;

import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.model.FacetDimension;
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
            parts.add(Messages.get("facet." + f.dimension().key()) + ": " + value(f.dimension(), f.value()));
        }
        return String.join(" \u00b7 ", parts);
    }

    /** A facet value for people: a language code with its name ("Dutch (nl)"), an empty value as a dash. */
    public static String value(FacetDimension dimension, String value) {
        if (dimension == FacetDimension.LANGUAGE && value != null && !value.isBlank()) {
            String name = java.util.Locale.forLanguageTag(value).getDisplayLanguage(Messages.locale());
            return name.isBlank() ? value : name + " (" + value + ")";
        }
        return value == null || value.isBlank() ? "\u2014" : value;
    }
}
