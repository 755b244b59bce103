package org.cryptosec.reader.service.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.service.FeedRefreshResult;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.service.RefreshReport;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refresh benchmark: a {@link SyntheticNewsServer} on loopback, its feeds added to a library in a
 * temporary folder (known feed URLs: no discovery), then a first refresh (every feed and page is new)
 * and a second one (every feed answers 304). Measures wall time, articles per second and the peak
 * heap of the first refresh. Never asserts anything about time.
 */
public final class RefreshBenchmark {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshBenchmark.class);

    public static final int MAX_FEEDS = 5_000;
    public static final int MAX_ITEMS = 200;

    /** One refresh: wall time, articles added, and the feed answers the server gave during it. */
    public record Pass(double seconds, int newArticles, int failedFeeds, int feedsOk, int feedsNotModified,
                       int pagesServed, double peakHeapMb, double cpuSeconds) {

        public double articlesPerSecond() {
            return seconds <= 0 ? 0 : newArticles / seconds;
        }
    }

    /** {@code hosts}: distinct host names the feeds were spread over (1 when loopback aliases are missing). */
    public record Report(int feeds, int items, long latencyMs, int hosts, Pass first, Pass second) {
    }

    private final int feeds;
    private final int items;
    private final long latencyMs;

    public RefreshBenchmark(int feeds, int items, long latencyMs) {
        if (feeds < 1 || feeds > MAX_FEEDS) {
            throw new IllegalArgumentException("feeds must be between 1 and " + MAX_FEEDS);
        }
        if (items < 0 || items > MAX_ITEMS) {
            throw new IllegalArgumentException("items must be between 0 and " + MAX_ITEMS);
        }
        if (latencyMs < 0 || latencyMs > 10_000) {
            throw new IllegalArgumentException("latency must be between 0 and 10000 ms");
        }
        this.feeds = feeds;
        this.items = items;
        this.latencyMs = latencyMs;
    }

    /** Runs both passes in a fresh temporary library, deleted afterwards. */
    public Report run(ProgressListener progress) throws IOException, LibraryException {
        Path work = Files.createTempDirectory("cryptosec-bench-refresh");
        try {
            return run(work, progress);
        } finally {
            deleteTree(work);
        }
    }

    /** Runs both passes with the library in {@code dataDir} (which should be empty). */
    public Report run(Path dataDir, ProgressListener progress) throws IOException, LibraryException {
        try (SyntheticNewsServer server = new SyntheticNewsServer(feeds, items, latencyMs);
             Library library = Library.open(dataDir)) {
            List<CatalogueEntry> entries = new ArrayList<>();
            List<String> urls = server.feedUrls();
            for (int i = 0; i < urls.size(); i++) {
                entries.add(new CatalogueEntry("Bench feed " + i, urls.get(i), null, "bench"));
            }
            library.subscribeAll(entries);
            Pass first = pass(library, server, progress, true);
            Pass second = pass(library, server, progress, false);
            LOG.info("Refresh benchmark: {} feeds x {} items at {} ms over {} hosts: first {} s, second {} s",
                    feeds, items, latencyMs, server.distinctHosts(), first.seconds(), second.seconds());
            return new Report(feeds, items, latencyMs, server.distinctHosts(), first, second);
        }
    }

    private static Pass pass(Library library, SyntheticNewsServer server, ProgressListener progress,
                             boolean measureHeap) {
        server.resetCounts();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.isValid()).toList();
        if (measureHeap) {
            System.gc();
            heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        RefreshReport report = library.refresh(List.of(), progress, new Cancellation());
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuEnd = processCpuNanos();
        double cpuSeconds = cpuStart < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStart) / 1e9;
        double peakMb = 0;
        if (measureHeap) {
            long peak = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            peakMb = peak / (1024.0 * 1024.0);
        }
        int failed = (int) report.feeds().stream().filter(f -> f.status() == FeedRefreshResult.Status.ERROR).count();
        report.feeds().stream().filter(f -> f.status() == FeedRefreshResult.Status.ERROR).limit(5)
                .forEach(f -> LOG.warn("Benchmark feed {} failed: {}", f.url(), f.error()));
        return new Pass(seconds, report.newArticles(), failed, server.feedOkCount(), server.feedNotModifiedCount(),
                server.pageCount(), peakMb, cpuSeconds);
    }

    /** CPU time of the whole process (all threads, the benchmark server's included), or -1 if unknown. */
    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Could not delete {}: {}", p, e.getMessage());
                }
            });
        } catch (IOException e) {
            LOG.warn("Could not delete the benchmark folder {}: {}", root, e.getMessage());
        }
    }
}
