package org.cryptosec.reader.ui.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.RefreshReport;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.task.SameThreadTaskExecutor;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.UiFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status bar's background refresh runs the service's RefreshScheduler over the due feeds only. */
class ScheduledRefreshViewModelTest {

    @TempDir
    Path dataDir;
    private UiFixture site;
    private Library library;
    private PooledTaskExecutor schedule;

    @BeforeEach
    void open() throws Exception {
        site = new UiFixture();
        library = Library.open(dataDir);
        site.load(library);
        schedule = new PooledTaskExecutor(1);
    }

    @AfterEach
    void close() {
        schedule.close();
        library.close();
        site.close();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aScheduledRoundRefreshesTheDueFeedAndReportsInTheStatusBar() throws Exception {
        Feed due = library.subscribeAll(List.of(new CatalogueEntry("Mirror", site.url(UiFixture.FEED_PATH) + "?mirror",
                null, null))).get(0);
        assertEquals(List.of(due.id()), library.dueFeeds().stream().map(Feed::id).toList(), "only the new feed is due");
        RefreshViewModel model = new RefreshViewModel(library, new FxTaskExecutor(new SameThreadTaskExecutor(), Runnable::run));
        List<RefreshReport> finished = new CopyOnWriteArrayList<>();
        model.setOnFinished(finished::add);
        int feedHits = site.server().hits(UiFixture.FEED_PATH);

        model.schedule(schedule, Duration.ofHours(1), Duration.ZERO);
        assertTrue(model.isScheduled());
        waitFor(() -> !finished.isEmpty());

        RefreshReport report = finished.get(0);
        assertEquals(1, report.feeds().size(), "the feed refreshed a moment ago was not due");
        assertEquals(due.id(), report.feeds().get(0).feedId());
        assertEquals(org.cryptosec.reader.service.FeedRefreshResult.Status.OK, report.feeds().get(0).status());
        assertEquals(RefreshViewModel.summary(report), model.messageProperty().get());
        assertEquals(report, model.lastReportProperty().get());
        assertFalse(model.runningProperty().get());
        assertEquals(feedHits + 1, site.server().hits(UiFixture.FEED_PATH));
        assertTrue(library.dueFeeds().isEmpty());

        model.stopSchedule();
        assertFalse(model.isScheduled());
    }

    @Test
    void noScheduleWithAZeroTick() {
        RefreshViewModel model = new RefreshViewModel(library, new FxTaskExecutor(new SameThreadTaskExecutor(), Runnable::run));
        model.schedule(schedule, Duration.ZERO, Duration.ZERO);
        assertFalse(model.isScheduled());
        assertEquals("Ready", model.messageProperty().get());
    }
}
