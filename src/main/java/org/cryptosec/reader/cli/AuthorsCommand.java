package org.cryptosec.reader.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.AuthorCount;
import org.cryptosec.reader.service.Library;
import picocli.CommandLine.Command;

/** {@code authors}: everyone who wrote in the library, with counts. */
@Command(name = "authors", description = "List authors with their article counts.")
final class AuthorsCommand extends LibraryCommand {

    @Override
    int run(Library library) {
        List<AuthorCount> authors = library.authors();
        if (json()) {
            printJson(authors.stream().map(c -> {
                Map<String, Object> m = new LinkedHashMap<>(Json.author(c.author()));
                m.put("articles", c.articles());
                return m;
            }).toList());
            return 0;
        }
        if (authors.isEmpty()) {
            out().println("No authors yet.");
        }
        for (AuthorCount c : authors) {
            out().printf("[%d] %s (%d article%s)%s%n", c.author().id(), c.author().name(), c.articles(),
                    c.articles() == 1 ? "" : "s", c.author().bio() == null ? "" : " · bio");
        }
        return 0;
    }
}
