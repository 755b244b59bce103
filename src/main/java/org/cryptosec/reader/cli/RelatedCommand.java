package org.cryptosec.reader.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code related ARTICLE_ID [--limit N]}. */
@Command(name = "related", description = "Articles like this one (more like this).")
final class RelatedCommand extends LibraryCommand {

    @Parameters(paramLabel = "ARTICLE_ID")
    long id;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "At most N articles (default 10)")
    int limit;

    @Override
    int run(Library library) throws LibraryException {
        SearchCommand.checkLimit(spec, limit, 200);
        if (library.article(id).isEmpty()) {
            throw new LibraryException("No article with id " + id);
        }
        List<SearchHit> hits = library.related(id, limit);
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("article", id);
            doc.put("related", SearchCommand.hitsJson(hits));
            printJson(doc);
            return 0;
        }
        out().printf("%d related article%s for [%d]%n", hits.size(), hits.size() == 1 ? "" : "s", id);
        SearchCommand.printHits(out(), hits);
        return 0;
    }
}
