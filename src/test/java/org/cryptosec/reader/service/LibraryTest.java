package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.FixtureSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Library use cases on a real SQLite file, a real index and the fixture site on 127.0.0.1. */
class LibraryTest {

    @TempDir
    Path dir;

    @Test
    void anArticleWithoutABioGetsItFromTheAuthorsOwnPageFetchedOnce() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            site.server().serve("/only-second.xml", "application/rss+xml", """
                    <?xml version="1.0"?><rss version="2.0"><channel><title>CI</title><link>%1$s</link><description>d</description>
                    <item><title>DeFi</title><link>%1$s</link><guid>only-2</guid></item></channel></rss>
                    """.formatted(site.url(FixtureSite.SECOND_PATH)));
            try (Library library = Library.open(dir)) {
                Feed feed = library.subscribe(site.url("/only-second.xml"));
                RefreshReport report = library.refresh(List.of(feed.id()), (d, t, m) -> { }, new Cancellation());
                assertEquals(1, report.newArticles(), report.toString());
                Article article = library.article(library.search(new SearchQuery("flash loan", 5)).hits().get(0)
                        .articleId()).orElseThrow();
                assertEquals("Timo Bult", article.authors().get(0).name());
                assertTrue(article.authors().get(0).bio().startsWith("Timo is hoofdredacteur"),
                        "bio from the author page: " + article.authors().get(0).bio());
                assertEquals(1, site.server().hits(FixtureSite.AUTHOR_PATH));
            }
        }
    }

    @Test
    void theIndexCatchesUpWithSqliteAtStartAndReindexRebuildsIt() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            try (Library library = Library.open(dir)) {
                library.subscribe(site.url("/"));
                library.refresh(List.of(), (d, t, m) -> { }, new Cancellation());
                assertEquals(2, library.search(new SearchQuery("author:\"Timo Bult\"", 10)).total());
            }
        }
        // The index is derived: lose it entirely, and the next start rebuilds it from SQLite.
        try (Stream<Path> files = Files.walk(Library.indexDir(dir))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        try (Library library = Library.open(dir)) {
            assertEquals(2, library.search(new SearchQuery("author:\"Timo Bult\"", 10)).total());
            assertEquals(2, library.reindex((d, t, m) -> { }, new Cancellation()));
            assertEquals(1, library.search(new SearchQuery("kernwapens", 10)).total());

            long feedId = library.feeds().get(0).id();
            assertTrue(library.removeFeed(feedId));
            assertEquals(0, library.search(new SearchQuery("kernwapens", 10)).total(), "removed articles leave the index");
            assertEquals(0, library.articleCount());
        }
    }

    @Test
    void opmlExportAndImportRoundTripTheSubscriptions() throws Exception {
        Path opml = dir.resolve("out/subscriptions.opml");
        try (FixtureSite site = new FixtureSite()) {
            try (Library library = Library.open(dir.resolve("a"))) {
                library.subscribe(site.url("/"));
                library.exportOpml(opml);
            }
            try (Library other = Library.open(dir.resolve("b"))) {
                assertEquals(1, other.importOpml(opml));
                assertEquals(0, other.importOpml(opml), "a second import adds nothing");
                assertEquals(site.url(FixtureSite.FEED_PATH), other.feeds().get(0).url());
                assertEquals("Crypto Insiders", other.feeds().get(0).title());
            }
        }
    }

    @Test
    void aMalformedOpmlFileIsAClearError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.opml"), "<opml><body><outline");
        try (Library library = Library.open(dir.resolve("lib"))) {
            LibraryException e = org.junit.jupiter.api.Assertions.assertThrows(LibraryException.class,
                    () -> library.importOpml(bad));
            assertTrue(e.getMessage().startsWith("Not a valid OPML file"), e.getMessage());
        }
    }

    @Test
    void theCatalogueIsOfferedNotImposed() throws Exception {
        try (Library library = Library.open(dir)) {
            assertTrue(library.feeds().isEmpty(), "a new library subscribes to nothing by itself");
            List<org.cryptosec.reader.model.CatalogueEntry> catalogue = library.catalogue();
            assertTrue(catalogue.size() >= 10, catalogue.toString());
            assertTrue(catalogue.stream().allMatch(e -> e.feedUrl().startsWith("https://") && e.category() != null));
            assertTrue(catalogue.stream().anyMatch(e -> e.title().equals("Crypto Insiders")));
            assertEquals(2, library.subscribeAll(catalogue.subList(0, 2)).size());
            assertEquals(0, library.subscribeAll(catalogue.subList(0, 2)).size(), "no duplicates");
            assertEquals(catalogue.get(0).category(), library.feeds().stream()
                    .filter(f -> f.url().equals(catalogue.get(0).feedUrl())).findFirst().orElseThrow().category());
        }
    }
}
