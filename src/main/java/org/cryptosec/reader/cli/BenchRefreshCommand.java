package org.cryptosec.reader.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cryptosec.reader.service.bench.RefreshBenchmark;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code bench refresh --feeds N --items M --latency-ms L}: a first and a 304-only refresh against a loopback news network. */
@Command(name = "refresh", mixinStandardHelpOptions = true, description = "Start a synthetic news network on "
        + "loopback (20 hosts, every answer delayed by the latency), subscribe a temporary library to its feeds, "
        + "and time a first refresh and a second one where every feed answers 304.")
final class BenchRefreshCommand extends CliCommand {

    @Option(names = "--feeds", paramLabel = "N", defaultValue = "200", description = "Number of feeds (default 200)")
    int feeds;

    @Option(names = "--items", paramLabel = "M", defaultValue = "20", description = "Items per feed (default 20)")
    int items;

    @Option(names = "--latency-ms", paramLabel = "L", defaultValue = "100",
            description = "Delay of every answer in milliseconds (default 100)")
    long latencyMs;

    @Override
    public Integer call() throws Exception {
        RefreshBenchmark bench;
        try {
            bench = new RefreshBenchmark(feeds, items, latencyMs);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        var err = err();
        RefreshBenchmark.Report r = bench.run((done, total, message) -> {
            synchronized (err) {
                err.printf("\r[%d/%d] %-60.60s", done, total, message);
                err.flush();
            }
        });
        err.println();
        err.flush();
        var out = out();
        if (json()) {
            Map<String, Object> first = new LinkedHashMap<>();
            first.put("seconds", round(r.first().seconds()));
            first.put("articlesPerSecond", round(r.first().articlesPerSecond()));
            first.put("peakHeapMb", round(r.first().peakHeapMb()));
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("feeds", r.feeds());
            doc.put("items", r.items());
            doc.put("first", first);
            doc.put("second", Map.of("seconds", round(r.second().seconds())));
            out.println(Json.write(doc));
        } else {
            var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            out.printf("%d feeds x %d items, %d ms per answer, %d hosts; %d cores, load average %.1f, max heap %d MB%n",
                    r.feeds(), r.items(), r.latencyMs(), r.hosts(), os.getAvailableProcessors(),
                    os.getSystemLoadAverage(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
            out.printf("first refresh:  %.2f s, %d articles (%.0f articles/s), peak heap %.0f MB, %d feeds failed,"
                            + " %.1f s of CPU%n", r.first().seconds(), r.first().newArticles(),
                    r.first().articlesPerSecond(), r.first().peakHeapMb(), r.first().failedFeeds(), r.first().cpuSeconds());
            out.printf("second refresh: %.2f s, %d feeds answered 304, %d answered 200, %d pages fetched%n",
                    r.second().seconds(), r.second().feedsNotModified(), r.second().feedsOk(), r.second().pagesServed());
        }
        out.flush();
        return 0;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
