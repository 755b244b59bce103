package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.AuthorRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.task.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Library#reextract}: old articles get what the current extractor makes of their stored page. */
class LibraryReextractTest {

    private static final String PAGE = """
            <html lang="en"><head><title>Bridge drained of 40M | Chain Watch</title>
            <meta property="article:published_time" content="2024-03-05T09:00:00Z"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>Bridge drained of 40M</h1>
            <p class="byline">By Jane Doe</p>
            <p>Attackers drained the cross-chain bridge of forty million dollars on Tuesday after forging
            validator signatures, the team said in a post-mortem published the next morning.</p>
            <p>The exploit used a flaw in the signature verification of the bridge contract, which accepted a
            forged guardian set. Funds were moved through a mixer within the hour.</p>
            <p>The team paused deposits, offered the attacker a bounty of ten percent and asked exchanges to
            freeze the stolen tokens.</p></article><footer>Copyright Chain Watch</footer></body></html>
            """;

    @TempDir
    Path dir;

    @Test
    void anArticleStoredWithAnOlderExtractionGetsTheNewOneAndTheIndexFollows() throws Exception {
        long id;
        long withoutPage;
        try (Database db = Database.open(dir.resolve("library.db"))) {
            long feed = new FeedRepository(db).add(Feed.newFeed("https://watch.example/feed", "Chain Watch", null, null)).id();
            ArticleRepository articles = new ArticleRepository(db);
            Author oldAuthor = new AuthorRepository(db).upsert(Author.named("Chain Watch Staff"));
            id = articles.insert(new Article(0, feed, "g1", "https://watch.example/bridge", "Bridge drained of 40M | Chain Watch",
                    "Chain Watch", List.of(oldAuthor), null, null, 1, null, List.of(), "<p>Home Copyright</p>",
                    "Home Copyright", Instant.parse("2024-03-06T00:00:00Z")), PAGE, "hash1");
            withoutPage = articles.insert(new Article(0, feed, "g2", "https://watch.example/feed-only", "Feed only",
                    "Chain Watch", List.of(), null, "en", 1, null, List.of(), "<p>summary from the feed</p>",
                    "summary from the feed", Instant.parse("2024-03-06T00:00:00Z")), null, "hash2");
        }
        try (Library library = Library.open(dir)) {
            assertEquals(0, library.search(new SearchQuery("guardian", 10)).total(), "the old text is indexed");
            List<Long> progress = new ArrayList<>();
            Library.ReextractSummary summary = library.reextract((done, total, message) -> progress.add(done),
                    new Cancellation());

            assertEquals(new Library.ReextractSummary(2, 1, 1, 0, List.of(), false), summary);
            assertEquals(2L, progress.get(progress.size() - 1));
            Article a = library.article(id).orElseThrow();
            assertEquals("Bridge drained of 40M", a.title());
            assertTrue(a.text().contains("forged guardian set"), a.text());
            assertFalse(a.text().contains("Copyright"), a.text());
            assertEquals(List.of("Jane Doe"), a.authors().stream().map(Author::name).toList());
            assertEquals(Instant.parse("2024-03-05T09:00:00Z"), a.published());
            assertEquals("en", a.lang());
            assertEquals("https://watch.example/bridge", a.url(), "identity is kept");
            assertEquals(1, library.search(new SearchQuery("guardian", 10)).total(), "the index has the new text");
            assertEquals(1, library.search(new SearchQuery("author:\"Jane Doe\"", 10)).total());
            assertEquals("summary from the feed", library.article(withoutPage).orElseThrow().text(),
                    "an article without a stored page keeps its text");
        }
    }

    @Test
    void cancellingBeforeTheStartChangesNothingAndSaysSo() throws Exception {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            long feed = new FeedRepository(db).add(Feed.newFeed("https://watch.example/feed", "W", null, null)).id();
            new ArticleRepository(db).insert(new Article(0, feed, "g1", "https://watch.example/bridge", "Old", "W", List.of(),
                    null, null, 1, null, List.of(), "<p>old</p>", "old", Instant.parse("2024-03-06T00:00:00Z")), PAGE, "h");
        }
        try (Library library = Library.open(dir)) {
            Cancellation cancellation = new Cancellation();
            cancellation.cancel();
            Library.ReextractSummary summary = library.reextract((d, t, m) -> { }, cancellation);
            assertTrue(summary.cancelled());
            assertEquals(0, summary.updated());
            assertEquals("old", library.article(library.articles(org.cryptosec.reader.model.ArticleFilter.ALL, 0, 1).items().get(0).id()).orElseThrow().text());
        }
    }
}
