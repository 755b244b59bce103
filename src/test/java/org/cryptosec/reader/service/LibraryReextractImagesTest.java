package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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

    @ParameterizedTest(name = "fetch images: {0}")
    @ValueSource(booleans = {true, false})
    void aNewlyReferencedImageIsLinkedAndFetchedOnlyOnTheNetworkedPass(boolean fetch) throws Exception {
        try (TestServer server = new TestServer()) {
            server.serve("/bridge.png", "image/png", RefreshImagesTest.PNG);
            String image = server.url("/bridge.png");
            long id = storeOldArticle(image);
            try (Library library = RefreshFixtures.library(dir, new RefreshScheduleTest.HandClock())) {
                Library.ReextractSummary summary = fetch
                        ? library.reextract((d, t, m) -> { }, new Cancellation(), true)
                        : library.reextract((d, t, m) -> { }, new Cancellation());
                assertEquals(1, summary.updated());
                assertEquals(fetch ? 1 : 0, summary.imagesFetched());
                assertEquals(fetch ? 0 : 1, summary.imagesMissing(), "offline, the missing image is counted");
                assertEquals(fetch, library.image(image).isPresent());
                assertEquals(fetch ? 1 : 0, server.totalHits(), "offline: no network");
                assertEquals(List.of(image), library.images(id).stream().map(ImageRef::url).toList(), "linked either way");
            }
        }
    }
}
