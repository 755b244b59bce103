package org.cryptosec.reader.service;

import java.util.List;

/** The outcome of a refresh of one or more feeds. */
public record RefreshReport(int newArticles, List<FeedRefreshResult> feeds) {

    public RefreshReport {
        feeds = List.copyOf(feeds);
    }

    public boolean anyFailed() {
        return feeds.stream().anyMatch(f -> f.status() == FeedRefreshResult.Status.ERROR);
    }
}
