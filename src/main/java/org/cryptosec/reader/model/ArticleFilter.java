package org.cryptosec.reader.model;

/**
 * Which articles the list shows: one feed, one folder (the feeds whose category is {@code folder}),
 * or all (both null), optionally unread or starred only. A feed and a folder together must both hold.
 */
public record ArticleFilter(Long feedId, boolean unreadOnly, boolean starredOnly, String folder) {

    public static final ArticleFilter ALL = new ArticleFilter(null, false, false);

    public ArticleFilter {
        folder = folder == null || folder.isBlank() ? null : folder.strip();
    }

    /** The filter without a folder (the signature before folders existed). */
    public ArticleFilter(Long feedId, boolean unreadOnly, boolean starredOnly) {
        this(feedId, unreadOnly, starredOnly, null);
    }

    public static ArticleFilter feed(long feedId) {
        return new ArticleFilter(feedId, false, false);
    }

    /** The articles of every feed in this folder (category, compared as stored after trimming). */
    public static ArticleFilter folder(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a folder filter needs a folder name");
        }
        return new ArticleFilter(null, false, false, name);
    }
}
