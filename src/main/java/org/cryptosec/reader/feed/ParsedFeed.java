package org.cryptosec.reader.feed;

import java.time.Duration;
import java.util.List;

/**
 * A parsed feed. {@code format} is e.g. "rss_2.0", "atom_1.0", "json_1.1". {@code updateInterval} is how
 * often the feed says it changes (RSS {@code <ttl>}, or sy:updatePeriod / sy:updateFrequency), or null.
 */
public record ParsedFeed(String format, String title, String siteUrl, String description, String language,
                         List<ParsedItem> items, Duration updateInterval) {
    public ParsedFeed {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Without an update interval. */
    public ParsedFeed(String format, String title, String siteUrl, String description, String language,
                      List<ParsedItem> items) {
        this(format, title, siteUrl, description, language, items, null);
    }

    /** The same feed with this update interval. */
    public ParsedFeed withUpdateInterval(Duration interval) {
        return new ParsedFeed(format, title, siteUrl, description, language, items, interval);
    }
}
