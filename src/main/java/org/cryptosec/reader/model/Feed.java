package org.cryptosec.reader.model;

import java.time.Instant;

/**
 * A subscription. {@code etag}/{@code lastModified} are the validators of the last 200 answer,
 * used for the next conditional GET. {@code lastError} is null when the last refresh went fine.
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
        Instant nextFetch) {

    /** A feed not yet stored (id 0). */
    public static Feed newFeed(String url, String title, String siteUrl, String category) {
        return new Feed(0, url, title, siteUrl, category, null, null, null, null, 0, null);
    }

    public String displayTitle() {
        return title == null || title.isBlank() ? url : title;
    }
}
