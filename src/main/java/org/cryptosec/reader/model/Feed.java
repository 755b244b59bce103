package org.cryptosec.reader.model;

import java.time.Instant;

/**
 * A subscription. {@code etag}/{@code lastModified} are the validators of the last 200 answer,
 * used for the next conditional GET. {@code lastError} is null when the last refresh went fine.
 * {@code pausedReason} is null unless repeated or permanent failures paused the feed.
 */
public record Feed(
        long id,
        String url,
        String title,
        String siteUrl,
        String category,
        String etag,
        String lastModified,
        Instant lastFetched,
        String lastError,
        int errorCount,
        Instant nextFetch,
        String pausedReason) {

    /** A feed that is not paused (the signature before pausing existed). */
    public Feed(long id, String url, String title, String siteUrl, String category, String etag, String lastModified,
                Instant lastFetched, String lastError, int errorCount, Instant nextFetch) {
        this(id, url, title, siteUrl, category, etag, lastModified, lastFetched, lastError, errorCount, nextFetch, null);
    }

    /** A feed not yet stored (id 0). */
    public static Feed newFeed(String url, String title, String siteUrl, String category) {
        return new Feed(0, url, title, siteUrl, category, null, null, null, null, 0, null);
    }

    /** True when scheduled refreshes skip this feed until the user retries it ({@link #pausedReason} says why). */
    public boolean paused() {
        return pausedReason != null;
    }

    public String displayTitle() {
        return title == null || title.isBlank() ? url : title;
    }
}
