package org.cryptosec.reader.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.RefreshReport;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.TestServer;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.UiFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A refresh asked for while another runs (a feed just added, a retry) waits and runs next, never dropped. */
class QueuedRefreshViewModelTest {

    private static final String SLOW_FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Slow</title><link>http://example.org/</link></channel></rss>""";

    @TempDir
    Path dataDir;
    private UiFixture site;
    private Library library;
    private PooledTaskExecutor workers;
    private final CountDownLatch slowAsked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void open() throws Exception {
        site = new UiFixture();
        library = Library.open(dataDir);
        site.server().route("/slow.xml", TestServer.heldBack(slowAsked, release, "application/rss+xml",
                () -> SLOW_FEED.getBytes(StandardCharsets.UTF_8)));
        workers = new PooledTaskExecutor(2);
    }

    @AfterEach
    void close() {
        release.countDown();
        workers.close();
        library.close();
        site.close();
    }

    /** The "UI thread" is whichever thread delivers, under this lock; the test touches the model only under it too. */
    private FxTaskExecutor underLock(Object ui) {
        return new FxTaskExecutor(workers, r -> {
            synchronized (ui) {
                r.run();
            }
        });
    }

    private Feed subscribe(String path) {
        return library.subscribeAll(List.of(new CatalogueEntry(path, site.url(path), null, null))).get(0);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aRefreshAskedForDuringAnotherRunsRightAfterIt() throws Exception {
        Feed slow = subscribe("/slow.xml");
        Feed added = subscribe(UiFixture.FEED_PATH);
        Object ui = new Object();
        RefreshViewModel model = new RefreshViewModel(library, underLock(ui));
        List<RefreshReport> finished = new CopyOnWriteArrayList<>();
        model.setOnFinished(finished::add);

        synchronized (ui) {
            model.refresh(List.of(slow.id()));
        }
        assertTrue(slowAsked.await(10, TimeUnit.SECONDS), "the first refresh reached the server");
        synchronized (ui) {
            assertTrue(model.runningProperty().get());
            model.refresh(List.of(added.id()));
            assertTrue(model.hasQueuedRefresh(), "the second request waits instead of being dropped");
        }
        release.countDown();
        waitFor(() -> finished.size() >= 2);

        assertEquals(List.of(slow.id()), finished.get(0).feeds().stream().map(f -> f.feedId()).toList());
        assertEquals(List.of(added.id()), finished.get(1).feeds().stream().map(f -> f.feedId()).toList());
        assertTrue(finished.get(1).newArticles() > 0, "the added feed's articles arrived");
        synchronized (ui) {
            assertFalse(model.hasQueuedRefresh());
            assertFalse(model.runningProperty().get());
        }
    }

    @Test
    void cancellingTheRunningRefreshDropsWhatWaited() throws Exception {
        Feed slow = subscribe("/slow.xml");
        Feed added = subscribe(UiFixture.FEED_PATH);
        Object ui = new Object();
        RefreshViewModel model = new RefreshViewModel(library, underLock(ui));
        List<RefreshReport> finished = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        model.setOnFinished(r -> {
            finished.add(r == null ? new RefreshReport(0, List.of()) : r);
            ended.countDown();
        });
        synchronized (ui) {
            model.refresh(List.of(slow.id()));
        }
        assertTrue(slowAsked.await(10, TimeUnit.SECONDS));
        synchronized (ui) {
            model.refresh(List.of(added.id()));
            model.cancel();
        }
        release.countDown();
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        waitFor(() -> {
            synchronized (ui) {
                return !model.runningProperty().get();
            }
        });
        synchronized (ui) {
            assertFalse(model.hasQueuedRefresh());
        }
        assertEquals(0, library.articles(org.cryptosec.reader.model.ArticleFilter.feed(added.id()), 0, 10).items().size(),
                "the waiting refresh did not run after the cancel");
    }
}
