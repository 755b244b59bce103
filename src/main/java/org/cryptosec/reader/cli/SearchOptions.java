package org.cryptosec.reader.cli;

import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SearchSort;
import picocli.CommandLine;

/**
 * {@code --sort relevance|date} and {@code --filter DIM=VALUE} as {@code search} spells them, parsed
 * the same way for {@code saved add|edit}: a bad value is a usage error naming it.
 */
final class SearchOptions {

    static final String SORT_HELP = "relevance (default; newer first among equals) or date (newest first)";
    static final String FILTER_HELP = "Keep hits with this facet value (source, author, lang, tag, year, month); repeatable";

    private SearchOptions() {
    }

    /** The order named by {@code --sort}; null or blank is relevance. */
    static SearchSort sort(CommandLine.Model.CommandSpec spec, String text) {
        try {
            return SearchSort.parse(text);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Each {@code --filter} as a facet filter, in order; one that could match nothing for its form (year=21,
     * month=2022-13, no value) is a usage error saying why, not a silent empty result.
     */
    static List<FacetFilter> filters(CommandLine.Model.CommandSpec spec, List<String> texts) {
        List<FacetFilter> parsed = new ArrayList<>();
        try {
            for (String f : texts == null ? List.<String>of() : texts) {
                parsed.add(FacetFilter.parse(f));
            }
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        for (FacetFilter f : parsed) {
            String problem = f.problem();
            if (problem != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), problem);
            }
        }
        return parsed;
    }

    /** A search needs words or at least one filter: without both it is a usage error. */
    static void requireQueryOrFilter(CommandLine.Model.CommandSpec spec, String query, List<FacetFilter> filters) {
        if (query.isBlank() && filters.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give a QUERY or at least one --filter");
        }
    }

    /** What a search is shown as in its heading: the query, or its filters when it has no words ("lang=nl, year=2022"). */
    static String heading(String query, List<FacetFilter> filters) {
        if (query != null && !query.isBlank()) {
            return query;
        }
        return String.join(", ", filters.stream().map(FacetFilter::text).toList());
    }

    /** "relevance" or "date", as {@code --sort} takes it. */
    static String sortName(SearchSort sort) {
        return sort == SearchSort.DATE ? "date" : "relevance";
    }
}
