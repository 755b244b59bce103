package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.testing.FixtureSite;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images of deleted articles leave the library at the end of a refresh, never while one may be storing images. */
class UnusedImagesTest {

    private static final String EMPTY_FEED = """
            <?xml version="1.0"?><rss version="2.0"><channel><title>Slow</title><link>http://example.org/</link>
            </channel></rss>""";

    @TempDir
    Path dir;

    @Test
    void aDeletedArticlesImageGoesAfterTheNextRefreshButNotWhileARefreshRuns() throws Exception {
        CountDownLatch slowAsked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (FixtureSite site = new FixtureSite(); Library library = Library.open(dir)) {
            site.server().route("/slow.xml", TestServer.heldBack(slowAsked, release, "application/rss+xml",
                    () -> EMPTY_FEED.getBytes(StandardCharsets.UTF_8)));
            library.subscribe(site.url("/"));
            library.refresh(List.of(), (d, t, m) -> { }, new Cancellation());
            long seed = library.search(new SearchQuery("kernwapens", 5)).hits().get(0).articleId();
            List<ImageRef> images = library.images(seed);
            assertFalse(images.isEmpty(), "the seed article has a figure");
            String figure = images.get(0).url();
            assertTrue(library.image(figure).isPresent());

            assertTrue(library.deleteArticle(seed));
            assertTrue(library.image(figure).isPresent(), "kept until a clean-up");

            // added without a fetch, so the first request for it comes from the refresh
            Feed slow = library.subscribeAll(List.of(new CatalogueEntry("Slow", site.url("/slow.xml"), null, null))).get(0);
            CompletableFuture<RefreshReport> running = CompletableFuture.supplyAsync(
                    () -> library.refresh(List.of(slow.id()), (d, t, m) -> { }, new Cancellation()));
            assertTrue(slowAsked.await(10, TimeUnit.SECONDS));
            assertEquals(0, library.removeUnusedImagesWhenIdle(), "a refresh is under way: nothing is removed");
            assertTrue(library.image(figure).isPresent());

            release.countDown();
            running.get(10, TimeUnit.SECONDS);
            assertTrue(library.image(figure).isEmpty(), "the refresh's end removed the image nothing uses");
            long other = library.search(new SearchQuery("flash loan", 5)).hits().get(0).articleId();
            library.images(other).forEach(ref -> assertTrue(library.image(ref.url()).isPresent(), ref.url()));
            String avatar = library.author("Timo Bult").orElseThrow().author().avatarUrl();
            assertTrue(avatar != null && library.image(avatar).isPresent(), "the author's avatar stays: " + avatar);
        }
    }
}
