package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-extraction links the images the new extraction references and, networked, fetches the missing ones. */
class LibraryReextractImagesTest {

    @TempDir
    Path dir;

    private static String page(String image) {
        return "<html><head><title>Bridge drained</title></head><body><article><h1>Bridge drained</h1>"
                + "<p>" + "Attackers forged validator signatures and drained the bridge. ".repeat(15) + "</p>"
                + "<img src=\"" + image + "\" alt=\"the bridge\"><p>"
                + "The team paused deposits and offered a bounty to the attacker. ".repeat(10)
                + "</p></article></body></html>";
    }

    private long storeOldArticle(String image) {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            long feed = new FeedRepository(db).add(Feed.newFeed("http://watch.test/feed", "W", null, null)).id();
            return new ArticleRepository(db).insert(new Article(0, feed, "g1", "http://watch.test/bridge", "Old", "W",
                    List.of(), null, null, 1, null, List.of(), "<p>old</p>", "old",
                    Instant.parse("2024-03-06T00:00:00Z")), page(image), "h1");
        }
    }

    private Library library() {
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(5), 1_000_000, 5, "test");
        return new Library(dir, Database.open(dir.resolve("library.db")),
                ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                new PooledTaskExecutor(2), new PooledTaskExecutor(4), new RefreshScheduleTest.HandClock());
    }

    @Test
    void aNewlyReferencedImageIsFetchedAndLinked() throws Exception {
        try (TestServer server = new TestServer()) {
            server.serve("/bridge.png", "image/png", RefreshImagesTest.PNG);
            String image = server.url("/bridge.png");
            long id = storeOldArticle(image);
            try (Library library = library()) {
                Library.ReextractSummary summary = library.reextract((d, t, m) -> { }, new Cancellation(), true);
                assertEquals(1, summary.updated());
                assertEquals(1, summary.imagesFetched());
                assertEquals(0, summary.imagesMissing());
                assertTrue(library.image(image).isPresent(), "fetched");
                assertEquals(List.of(image), library.images(id).stream().map(ImageRef::url).toList(), "linked");
            }
        }
    }

    @Test
    void offlineTheImageIsLinkedButLeftMissingAndCounted() throws Exception {
        try (TestServer server = new TestServer()) {
            server.serve("/bridge.png", "image/png", RefreshImagesTest.PNG);
            String image = server.url("/bridge.png");
            long id = storeOldArticle(image);
            try (Library library = library()) {
                Library.ReextractSummary summary = library.reextract((d, t, m) -> { }, new Cancellation());
                assertEquals(1, summary.updated());
                assertEquals(0, summary.imagesFetched());
                assertEquals(1, summary.imagesMissing());
                assertFalse(library.image(image).isPresent());
                assertEquals(0, server.totalHits(), "no network");
                assertEquals(List.of(image), library.images(id).stream().map(ImageRef::url).toList());
            }
        }
    }
}
