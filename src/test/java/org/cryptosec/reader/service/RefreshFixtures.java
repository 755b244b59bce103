package org.cryptosec.reader.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.testing.TestServer;

/** Shared parts of the refresh tests: a library on a hand clock, and server answers held back by a latch. */
final class RefreshFixtures {

    private RefreshFixtures() {
    }

    /** A library in {@code dir} with its own worker pools (2 feed, 8 page threads) and a 20 s request limit. */
    static Library library(Path dir, Clock clock) {
        FetchLimits limits = new FetchLimits(Duration.ofSeconds(2), Duration.ofSeconds(20), 5_000_000, 5, "test");
        return new Library(dir, Database.open(dir.resolve("library.db")),
                ArticleIndex.openOrRecreate(Library.indexDir(dir)), new HttpFetcher(limits), new HttpFetcher(limits),
                new PooledTaskExecutor(2), new PooledTaskExecutor(8), clock);
    }

    /** See {@link TestServer#heldBack}. */
    static TestServer.Handler heldBack(CountDownLatch requested, CountDownLatch release, String type,
                                       Supplier<byte[]> body) {
        return TestServer.heldBack(requested, release, type, body);
    }
}
