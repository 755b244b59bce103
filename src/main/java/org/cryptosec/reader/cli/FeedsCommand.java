package org.cryptosec.reader.cli;

import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.FeedRefreshResult;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.service.RefreshReport;
import org.cryptosec.reader.task.Cancellation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code feeds add|list|remove|retry|catalogue}. */
@Command(name = "feeds", description = "Manage subscriptions.",
        subcommands = {FeedsCommand.Add.class, FeedsCommand.ListFeeds.class, FeedsCommand.Remove.class,
                FeedsCommand.Retry.class, FeedsCommand.Catalogue.class})
final class FeedsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: add, list, remove, retry or catalogue");
    }

    @Command(name = "add", description = "Subscribe to a feed URL or a site URL (its feed is discovered).")
    static final class Add extends LibraryCommand {
        @Parameters(paramLabel = "URL")
        String url;

        @Override
        int run(Library library) throws LibraryException {
            Feed feed = library.subscribe(url);
            if (json()) {
                printJson(Json.feed(feed));
            } else {
                out().printf("Subscribed [%d] %s%n  %s%n", feed.id(), feed.displayTitle(), feed.url());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List subscriptions.")
    static final class ListFeeds extends LibraryCommand {
        @Override
        int run(Library library) {
            List<Feed> feeds = library.feeds();
            if (json()) {
                printJson(feeds.stream().map(Json::feed).toList());
                return 0;
            }
            if (feeds.isEmpty()) {
                out().println("No feeds yet. Add one with: cryptosec feeds add URL");
            }
            Map<Long, Integer> unread = library.unreadCounts();
            for (Feed f : feeds) {
                out().printf("[%d] %s  (%d unread)%n  %s%n", f.id(), f.displayTitle(),
                        unread.getOrDefault(f.id(), 0), f.url());
                if (f.paused()) {
                    out().printf("  paused: %s (try again with: cryptosec feeds retry %d)%n", f.pausedReason(), f.id());
                } else if (f.lastError() != null) {
                    out().printf("  last error: %s%n", f.lastError());
                }
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Unsubscribe and delete the feed's articles.")
    static final class Remove extends LibraryCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        int run(Library library) throws LibraryException {
            if (!library.removeFeed(id)) {
                throw new LibraryException("No feed with id " + id);
            }
            return printRemoved("feed", id);
        }
    }

    @Command(name = "retry", description = "Try a paused or failing feed again at the next refresh (and refresh it now).")
    static final class Retry extends LibraryCommand {
        @Parameters(paramLabel = "ID")
        long id;

        @Override
        int run(Library library) throws LibraryException {
            if (library.feed(id).isEmpty()) {
                throw new LibraryException("No feed with id " + id);
            }
            boolean wasPaused = library.retryFeed(id);
            RefreshReport report = library.refresh(List.of(id), (done, total, message) -> { }, new Cancellation());
            FeedRefreshResult result = report.feeds().isEmpty() ? null : report.feeds().get(0);
            if (json()) {
                Map<String, Object> doc = new java.util.LinkedHashMap<>();
                doc.put("id", id);
                doc.put("wasPaused", wasPaused);
                doc.put("status", result == null ? null : result.status().label());
                doc.put("newArticles", report.newArticles());
                doc.put("error", result == null ? null : result.error());
                printJson(doc);
            } else if (result != null && result.status() == FeedRefreshResult.Status.ERROR) {
                out().printf("Feed %d still fails: %s%n", id, result.error());
            } else {
                out().printf("Feed %d %s: %d new articles%n", id, wasPaused ? "resumed" : "refreshed", report.newArticles());
            }
            return report.anyFailed() ? Cli.EXIT_SOME_FEEDS_FAILED : 0;
        }
    }

    @Command(name = "catalogue", description = "The bundled crypto-security sources; subscribe with --add N... or --add-all.")
    static final class Catalogue extends LibraryCommand {
        @picocli.CommandLine.Option(names = "--add", paramLabel = "N", split = ",", description = "Subscribe to entries N (numbers as listed)")
        List<Integer> add = new java.util.ArrayList<>();

        @picocli.CommandLine.Option(names = "--add-all", description = "Subscribe to every entry")
        boolean addAll;

        @Override
        int run(Library library) throws LibraryException {
            List<CatalogueEntry> entries = library.catalogue();
            List<CatalogueEntry> chosen = new java.util.ArrayList<>();
            if (addAll) {
                chosen.addAll(entries);
            }
            for (int n : add) {
                if (n < 1 || n > entries.size()) {
                    throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                            "--add " + n + ": the catalogue has entries 1 to " + entries.size());
                }
                chosen.add(entries.get(n - 1));
            }
            if (!chosen.isEmpty()) {
                List<Feed> added = library.subscribeAll(chosen);
                if (json()) {
                    printJson(added.stream().map(Json::feed).toList());
                } else {
                    out().printf("Subscribed to %d feed%s (run: cryptosec refresh)%n", added.size(), added.size() == 1 ? "" : "s");
                }
                return 0;
            }
            if (json()) {
                printJson(entries);
                return 0;
            }
            String category = null;
            for (int i = 0; i < entries.size(); i++) {
                CatalogueEntry e = entries.get(i);
                if (!java.util.Objects.equals(category, e.category())) {
                    category = e.category();
                    out().println(category == null ? "Other" : category);
                }
                out().printf("  %2d. %-22s %s%n", i + 1, e.title(), e.feedUrl());
            }
            out().println("Subscribe with: cryptosec feeds catalogue --add 1,3 (or --add-all)");
            return 0;
        }
    }
}
