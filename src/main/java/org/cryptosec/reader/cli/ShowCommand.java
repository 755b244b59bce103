package org.cryptosec.reader.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.service.ImageRef;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code show ARTICLE_ID}: the stored article, read from the library only. */
@Command(name = "show", description = "Show a stored article (works offline).")
final class ShowCommand extends LibraryCommand {

    @Parameters(paramLabel = "ARTICLE_ID")
    long id;

    @Override
    int run(Library library) throws LibraryException {
        Article a = library.article(id).orElseThrow(() -> new LibraryException("No article with id " + id));
        List<ImageRef> images = library.images(id);
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", a.id());
            doc.put("feedId", a.feedId());
            doc.put("url", a.url());
            doc.put("title", a.title());
            doc.put("source", a.source());
            List<Map<String, Object>> authors = new ArrayList<>();
            for (Author author : a.authors()) {
                authors.add(Json.author(author));
            }
            doc.put("authors", authors);
            doc.put("published", Json.iso(a.published()));
            doc.put("lang", a.lang());
            doc.put("readingMinutes", a.readingMinutes());
            doc.put("leadImage", a.leadImageUrl());
            doc.put("tags", a.tags());
            doc.put("text", a.text());
            doc.put("html", a.html());
            List<Map<String, Object>> imgs = new ArrayList<>();
            for (ImageRef ref : images) {
                imgs.add(Map.of("url", ref.url(), "stored", ref.stored()));
            }
            doc.put("images", imgs);
            library.state(id).ifPresent(s -> {
                doc.put("read", s.read());
                doc.put("starred", s.starred());
            });
            printJson(doc);
            return 0;
        }
        out().println(a.title());
        out().println("=".repeat(Math.min(78, Math.max(3, a.title().length()))));
        out().printf("%s · %s · %s · %d min read%n", a.source(),
                a.authors().stream().map(Author::name).reduce((x, y) -> x + ", " + y).orElse("unknown author"),
                a.published() == null ? "undated" : a.published().toString(), a.readingMinutes());
        out().println(a.url());
        if (!a.tags().isEmpty()) {
            out().println("Tags: " + String.join(", ", a.tags()));
        }
        out().println();
        out().println(Text.wrap(a.text(), 78));
        for (Author author : a.authors()) {
            if (author.bio() != null && !author.bio().isBlank()) {
                out().println();
                out().println("About " + author.name() + ":");
                out().println(Text.wrap(author.bio(), 78));
            }
        }
        long stored = images.stream().filter(ImageRef::stored).count();
        out().printf("%n%d of %d images stored offline%n", stored, images.size());
        return 0;
    }
}
