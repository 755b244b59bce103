package org.cryptosec.reader.service.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.cryptosec.reader.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RefreshBenchmarkTest {

    @TempDir
    Path dir;

    @Test
    void firstRefreshStoresEveryItemAndTheSecondGetsOnly304s() throws Exception {
        RefreshBenchmark.Report r = new RefreshBenchmark(6, 3, 5).run(dir.resolve("lib"), ProgressListener.NONE);

        assertEquals(6, r.feeds());
        assertEquals(3, r.items());
        assertTrue(r.hosts() == 6 || r.hosts() == 1, "one host per feed up to 20, or the 127.0.0.1 fallback");
        assertEquals(18, r.first().newArticles());
        assertEquals(0, r.first().failedFeeds());
        assertEquals(6, r.first().feedsOk());
        assertEquals(18, r.first().pagesServed());
        assertTrue(r.first().seconds() > 0);
        assertTrue(r.first().peakHeapMb() > 0);

        assertEquals(0, r.second().newArticles());
        assertEquals(0, r.second().failedFeeds());
        assertEquals(6, r.second().feedsNotModified(), "every feed answered 304");
        assertEquals(0, r.second().feedsOk());
        assertEquals(0, r.second().pagesServed(), "no page is fetched again");
    }

    @Test
    void theServerSpreadsFeedsOverLoopbackHostsAndServesRealisticPages() throws Exception {
        try (SyntheticNewsServer server = new SyntheticNewsServer(25, 2, 0)) {
            assertEquals(25, server.feedUrls().size());
            long distinct = server.feedUrls().stream().map(u -> java.net.URI.create(u).getHost()).distinct().count();
            assertEquals(server.distinctHosts() == 1 ? 1 : SyntheticNewsServer.HOSTS, distinct);
            String page = server.page("http://127.0.0.2:1", 3, 1);
            assertTrue(page.contains("class=\"byline\""));
            assertTrue(page.contains("<img src=\"http://127.0.0.2:1/img/lead.png\""));
            assertTrue(server.rss("http://127.0.0.2:1", 3).contains("/articles/3-1.html"));
        }
    }

    @Test
    void outOfRangeSizesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RefreshBenchmark(0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RefreshBenchmark(1, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> new RefreshBenchmark(1, 1, -5));
    }
}
