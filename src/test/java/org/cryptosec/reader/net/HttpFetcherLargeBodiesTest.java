package org.cryptosec.reader.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Many parallel fetches stay bounded in memory: large bodies draw on a byte budget as they grow, a server that
 * trickles holds only what it sent, and a fetch that finds no room fails with its own kind (not the server's fault).
 */
class HttpFetcherLargeBodiesTest {

    private static final int MB = 1 << 20;

    private TestServer server;
    private ExecutorService pool;
    /** Trickling answers hang until this opens. */
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
        server.close();
    }

    /** Sends {@code first} bytes, counts down {@code sent}, waits for {@link #release}, then the rest. */
    private void trickle(String path, int first, int size, CountDownLatch sent) {
        server.route(path, ex -> {
            ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, 0); // chunked: no declared length to reserve
            try (OutputStream out = ex.getResponseBody()) {
                out.write(new byte[first]);
                out.flush();
                sent.countDown();
                release.await(30, TimeUnit.SECONDS);
                out.write(new byte[size - first]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void serveBytes(String path, int size) {
        server.serve(path, "application/octet-stream", new byte[size]);
    }

    /** Waits (bounded) until the condition holds: the fetcher's reading threads are not observable otherwise. */
    private static void awaitAtLeast(LongSupplier value, long wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (value.getAsLong() < wanted) {
            assertTrue(System.nanoTime() < deadline, what + ": " + value.getAsLong() + " < " + wanted);
            Thread.sleep(5);
        }
    }

    @Test
    void twoTricklingLargeBodiesDoNotStopOtherLargeDownloads() throws Exception {
        HttpFetcher fetcher = new HttpFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(4),
                10L * MB, 5, "test"));
        CountDownLatch sent = new CountDownLatch(2);
        trickle("/slow1", MB + 100_000, 2 * MB, sent);
        trickle("/slow2", MB + 100_000, 2 * MB, sent);
        serveBytes("/big", 3 * MB);
        Future<FetchResult> slow1 = pool.submit(() -> fetcher.fetch(server.url("/slow1")));
        Future<FetchResult> slow2 = pool.submit(() -> fetcher.fetch(server.url("/slow2")));
        assertTrue(sent.await(10, TimeUnit.SECONDS));
        awaitAtLeast(fetcher::largeBodyBytesHeld, 2L * (MB + 100_000), "both slow bodies read past 1 MB");

        assertEquals(3 * MB, fetcher.fetch(server.url("/big")).body().length, "another large body still arrives");

        release.countDown();
        assertEquals(2 * MB, slow1.get(10, TimeUnit.SECONDS).body().length);
        assertEquals(2 * MB, slow2.get(10, TimeUnit.SECONDS).body().length);
        assertEquals(0, fetcher.largeBodyBytesHeld(), "everything is given back");
    }

    @Test
    void aLargeBodyThatFindsNoRoomFailsWithItsOwnKindAndSmallBodiesStillGo() throws Exception {
        // a capacity wait lasts at most half the request time (3 s), well before the hog's own deadline
        HttpFetcher fetcher = new HttpFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(6),
                2L * MB, 5, "test"), 2L * MB);
        CountDownLatch sent = new CountDownLatch(1);
        trickle("/hog", 2 * MB - 50_000, 2 * MB, sent);
        serveBytes("/big", MB + MB / 2);
        server.serve("/small", "text/plain", "small");
        Future<FetchResult> hog = pool.submit(() -> fetcher.fetch(server.url("/hog")));
        assertTrue(sent.await(10, TimeUnit.SECONDS));
        awaitAtLeast(fetcher::largeBodyBytesHeld, 2L * MB - 50_000, "the hog holds nearly the whole budget");

        assertEquals("small", new String(fetcher.fetch(server.url("/small")).body()), "small bodies never wait");
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(server.url("/big")));
        assertEquals(FetchException.Kind.NO_CAPACITY, e.kind(), e.getMessage());
        assertTrue(e.isLocal());

        release.countDown();
        assertEquals(2 * MB, hog.get(10, TimeUnit.SECONDS).body().length);
        assertEquals(0, fetcher.largeBodyBytesHeld());
    }

    @Test
    void parallelLargeBodiesNeverHoldMoreThanTheBudget() throws Exception {
        HttpFetcher fetcher = new HttpFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(20),
                4L * MB, 5, "test"), 4L * MB);
        serveBytes("/big", MB + MB / 2);
        List<Future<FetchResult>> fetches = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            fetches.add(pool.submit(() -> fetcher.fetch(server.url("/big"))));
        }
        for (Future<FetchResult> f : fetches) {
            assertEquals(MB + MB / 2, f.get(20, TimeUnit.SECONDS).body().length, "every large body arrives whole");
        }
        assertTrue(fetcher.largeBodyBytesPeak() >= MB + MB / 2, "large bodies were counted: " + fetcher.largeBodyBytesPeak());
        assertTrue(fetcher.largeBodyBytesPeak() <= fetcher.largeBodyBudget(),
                "peak " + fetcher.largeBodyBytesPeak() + " over the budget " + fetcher.largeBodyBudget());
        assertEquals(0, fetcher.largeBodyBytesHeld(), "everything is given back");
    }
}
