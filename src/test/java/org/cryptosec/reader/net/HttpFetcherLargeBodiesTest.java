package org.cryptosec.reader.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;

/** Many parallel fetches stay bounded in memory: large bodies take turns, small ones never wait for them. */
class HttpFetcherLargeBodiesTest {

    @Test
    void largeBodiesAreReadAtMostTwoAtATimeAndSmallOnesGoPast() throws Exception {
        int half = HttpFetcher.LARGE_BODY_BYTES + 100_000;
        try (TestServer server = new TestServer()) {
            server.route("/big", ex -> {
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.sendResponseHeaders(200, 2L * half);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(new byte[half]);
                    out.flush();
                    Thread.sleep(400);
                    out.write(new byte[half]);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            server.serve("/small", "text/plain", "small");
            HttpFetcher fetcher = new HttpFetcher(new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(20),
                    10L * 1024 * 1024, 5, "test"));
            ExecutorService pool = Executors.newFixedThreadPool(5);
            try {
                List<Future<FetchResult>> big = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    big.add(pool.submit(() -> fetcher.fetch(server.url("/big"))));
                }
                int most = 0;
                boolean smallWentPast = false;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
                while (big.stream().anyMatch(f -> !f.isDone()) && System.nanoTime() < deadline) {
                    int reading = fetcher.largeBodiesReading();
                    most = Math.max(most, reading);
                    if (reading == HttpFetcher.LARGE_BODIES && !smallWentPast) {
                        assertEquals("small", new String(pool.submit(() -> fetcher.fetch(server.url("/small")))
                                .get(5, TimeUnit.SECONDS).body()));
                        smallWentPast = true;
                    }
                    Thread.sleep(10);
                }
                for (Future<FetchResult> f : big) {
                    assertEquals(2 * half, f.get(5, TimeUnit.SECONDS).body().length, "every large body arrives whole");
                }
                assertTrue(most <= HttpFetcher.LARGE_BODIES, "at most two large bodies at once, saw " + most);
                assertTrue(smallWentPast, "a small body is fetched while the large ones hold both slots");
                assertEquals(0, fetcher.largeBodiesReading(), "every slot is given back");
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
