package org.cryptosec.reader.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.Facet;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.FacetValue;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.model.SearchSort;
import org.cryptosec.reader.service.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search QUERY [--limit N] [--sort relevance|date] [--facets] [--filter DIM=VALUE]...}. */
@Command(name = "search", description = {
    "Search the library: words, \"phrases\", AND/OR/NOT, -word, prefix*, fuzzy~, author:, title:, source:, tag:,"
            + " lang:, dates (published:[2022-01-01 TO 2022-12-31], after:2022-01, before:2023, year:2022).",
    "English and Dutch synonyms apply (North Korea finds Noord-Korea)."})
final class SearchCommand extends LibraryCommand {

    @Parameters(paramLabel = "QUERY", arity = "0..*")
    List<String> words = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default 20)")
    int limit;

    @Option(names = "--sort", paramLabel = "ORDER", defaultValue = "relevance", description = SearchOptions.SORT_HELP)
    String sort;

    @Option(names = "--facets", description = "Also count hits by source, author, language, tag, year and month")
    boolean facets;

    @Option(names = "--filter", paramLabel = "DIM=VALUE", description = SearchOptions.FILTER_HELP)
    List<String> filters = new ArrayList<>();

    @Override
    int run(Library library) {
        checkLimit(spec, limit, 10_000);
        SearchSort order = SearchOptions.sort(spec, sort);
        List<FacetFilter> parsed = SearchOptions.filters(spec, filters);
        String query = String.join(" ", words);
        SearchOptions.requireQueryOrFilter(spec, query, parsed);
        SearchResult result = library.search(new SearchQuery(query, limit, order, parsed, facets));
        if (json()) {
            printJson(toJson(result));
            return 0;
        }
        print(out(), SearchOptions.heading(query, parsed), result);
        return 0;
    }

    /** A usage error unless 1 &lt;= limit &lt;= max. */
    static void checkLimit(picocli.CommandLine.Model.CommandSpec spec, int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and " + max);
        }
    }

    static Map<String, Object> toJson(SearchResult result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("query", result.query());
        doc.put("total", result.total());
        doc.put("plainWords", result.fellBackToPlainWords());
        doc.put("hits", hitsJson(result.hits()));
        if (!result.facets().isEmpty()) {
            Map<String, Object> facets = new LinkedHashMap<>();
            for (Facet f : result.facets()) {
                List<Map<String, Object>> values = new ArrayList<>();
                for (FacetValue v : f.values()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("value", v.value());
                    m.put("count", v.count());
                    values.add(m);
                }
                facets.put(f.dimension().key(), values);
            }
            doc.put("facets", facets);
        }
        return doc;
    }

    static List<Map<String, Object>> hitsJson(List<SearchHit> hits) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchHit h : hits) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", h.articleId());
            m.put("title", h.title());
            m.put("url", h.url());
            m.put("source", h.source());
            m.put("authors", h.authors());
            m.put("published", Json.iso(h.published()));
            m.put("lang", h.lang());
            m.put("snippet", h.snippet());
            m.put("score", h.score());
            out.add(m);
        }
        return out;
    }

    static void print(PrintWriter out, String query, SearchResult result) {
        out.printf("%d hit%s for %s%s%n", result.total(), result.total() == 1 ? "" : "s", query,
                result.fellBackToPlainWords() ? " (searched as plain words)" : "");
        printHits(out, result.hits());
        for (Facet f : result.facets()) {
            if (f.values().isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder("  ").append(f.dimension().key()).append(": ");
            int shown = 0;
            for (FacetValue v : f.values()) {
                if (shown++ == 10) {
                    line.append(", …");
                    break;
                }
                line.append(shown > 1 ? ", " : "").append(v.value()).append(" (").append(v.count()).append(')');
            }
            out.println(line);
        }
    }

    static void printHits(PrintWriter out, List<SearchHit> hits) {
        for (SearchHit h : hits) {
            out.printf("[%d] %s%n    %s · %s · %s%n    %s%n", h.articleId(), h.title(), h.source(),
                    String.join(", ", h.authors()), h.published() == null ? "undated" : h.published().toString().substring(0, 10),
                    Text.snippetToPlain(h.snippet()));
        }
    }
}
