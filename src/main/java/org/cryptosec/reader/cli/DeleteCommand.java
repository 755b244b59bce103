package org.cryptosec.reader.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code delete ARTICLE_ID...}: deletes articles for good; a later refresh does not bring them back. */
@Command(name = "delete", description = "Delete articles from the library; refreshing their feed does not bring them back.")
final class DeleteCommand extends LibraryCommand {

    @Parameters(paramLabel = "ARTICLE_ID", arity = "1..*")
    List<Long> ids = new ArrayList<>();

    @Override
    int run(Library library) throws LibraryException {
        List<Long> deleted = new ArrayList<>();
        List<Long> missing = new ArrayList<>();
        for (long id : ids) {
            (library.deleteArticle(id) ? deleted : missing).add(id);
        }
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("deleted", deleted);
            doc.put("notFound", missing);
            printJson(doc);
        } else {
            for (long id : deleted) {
                out().printf("Deleted article %d%n", id);
            }
        }
        if (!missing.isEmpty()) {
            throw new LibraryException("No article with id " + missing.stream().map(String::valueOf)
                    .reduce((a, b) -> a + ", " + b).orElse(""));
        }
        return 0;
    }
}
