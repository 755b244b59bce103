package org.cryptosec.reader.store;

import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;

/** Small builders for store tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");

    private Fixtures() {
    }

    static Article article(long feedId, String guid, Instant published, List<Author> authors) {
        return new Article(0, feedId, guid, "https://news.example/" + guid, "Title " + guid, "Example News",
                authors, published, "en", 3, "https://news.example/img/" + guid + ".jpg", List.of("hack", "defi"),
                "<p>Body of " + guid + "</p>", "Body of " + guid + " about an exchange hack.", T0);
    }

    static Article article(long feedId, String guid, Instant published) {
        return article(feedId, guid, published, List.of());
    }
}
