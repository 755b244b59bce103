package org.cryptosec.reader.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.AuthorProfile;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code author NAME_OR_ID}: bio and articles of one author. */
@Command(name = "author", description = "Show an author's bio and articles.")
final class AuthorCommand extends LibraryCommand {

    @Parameters(paramLabel = "NAME_OR_ID", arity = "1..*")
    List<String> nameOrId;

    @Override
    int run(Library library) throws LibraryException {
        String key = String.join(" ", nameOrId);
        AuthorProfile profile = library.author(key)
                .orElseThrow(() -> new LibraryException("No author named or numbered '" + key + "'"));
        Author a = profile.author();
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>(Json.author(a));
            doc.put("articles", Json.articleRefs(profile.articles()));
            printJson(doc);
            return 0;
        }
        out().printf("%s [%d]%n", a.name(), a.id());
        if (a.url() != null) {
            out().println(a.url());
        }
        out().println();
        out().println(a.bio() == null || a.bio().isBlank() ? "(no bio known)" : Text.wrap(a.bio(), 78));
        out().printf("%n%d article%s:%n", profile.articles().size(), profile.articles().size() == 1 ? "" : "s");
        for (ArticleSummary s : profile.articles()) {
            out().printf("  [%d] %s  %s%n", s.id(), s.published() == null ? "undated   " :
                    s.published().toString().substring(0, 10), s.title());
        }
        return 0;
    }
}
