package org.cryptosec.reader.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.service.FeedRefreshResult;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.RefreshReport;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code refresh [FEED_ID...] [--due]}: progress on stderr; exit 3 when some feeds failed. */
@Command(name = "refresh", description = "Fetch feeds and their new articles (all feeds that are not paused when no id is given).")
final class RefreshCommand extends LibraryCommand {

    @Parameters(paramLabel = "FEED_ID", arity = "0..*")
    List<Long> feedIds = new ArrayList<>();

    @Option(names = "--due", description = "Only the feeds whose schedule says they are due (as the window's background refresh does)")
    boolean due;

    @Override
    int run(Library library) {
        if (due && !feedIds.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--due refreshes the due feeds: give no FEED_ID with it");
        }
        Cancellation cancellation = new Cancellation();
        ProgressListener progress = (done, total, message) -> {
            synchronized (this) {
                err().printf("[%d/%d] %s%n", done, total, message);
                err().flush();
            }
        };
        RefreshReport report = due ? library.refreshDue(progress, cancellation)
                : library.refresh(feedIds, progress, cancellation);
        if (json()) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("newArticles", report.newArticles());
            List<Map<String, Object>> feeds = new ArrayList<>();
            for (FeedRefreshResult r : report.feeds()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("id", r.feedId());
                f.put("url", r.url());
                f.put("status", r.status().label());
                f.put("newArticles", r.newArticles());
                f.put("error", r.error());
                f.put("pageErrors", r.pageErrors());
                feeds.add(f);
            }
            doc.put("feeds", feeds);
            printJson(doc);
        } else {
            out().printf("%d new articles from %d feeds%n", report.newArticles(), report.feeds().size());
            for (FeedRefreshResult r : report.feeds()) {
                if (r.status() == FeedRefreshResult.Status.ERROR) {
                    out().printf("  failed [%d] %s: %s%n", r.feedId(), r.url(), r.error());
                }
                for (String pageError : r.pageErrors()) {
                    out().printf("  page not fetched (kept the feed's text): %s%n", pageError);
                }
            }
        }
        return report.anyFailed() ? Cli.EXIT_SOME_FEEDS_FAILED : 0;
    }
}
