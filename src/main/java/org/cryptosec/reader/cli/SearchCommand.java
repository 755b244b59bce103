package org.cryptosec.reader.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.service.Library;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code search QUERY [--limit N]}. */
@Command(name = "search", description = "Search the library (words, \"phrases\", AND/OR/NOT, prefix*, fuzzy~, author:, title:, source:).")
final class SearchCommand extends LibraryCommand {

    @Parameters(paramLabel = "QUERY", arity = "1..*")
    List<String> words;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N hits (default 20)")
    int limit;

    @Override
    int run(Library library) {
        if (limit < 1 || limit > 10_000) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be between 1 and 10000");
        }
        String query = String.join(" ", words);
        SearchResult result = library.search(new SearchQuery(query, limit));
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("query", result.query());
            doc.put("total", result.total());
            doc.put("plainWords", result.fellBackToPlainWords());
            List<Map<String, Object>> hits = new ArrayList<>();
            for (SearchHit h : result.hits()) {
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
                hits.add(m);
            }
            doc.put("hits", hits);
            printJson(doc);
            return 0;
        }
        out().printf("%d hit%s for %s%s%n", result.total(), result.total() == 1 ? "" : "s", query,
                result.fellBackToPlainWords() ? " (searched as plain words)" : "");
        for (SearchHit h : result.hits()) {
            out().printf("[%d] %s%n    %s · %s · %s%n    %s%n", h.articleId(), h.title(), h.source(),
                    String.join(", ", h.authors()), h.published() == null ? "undated" : h.published().toString().substring(0, 10),
                    Text.snippetToPlain(h.snippet()));
        }
        return 0;
    }
}
