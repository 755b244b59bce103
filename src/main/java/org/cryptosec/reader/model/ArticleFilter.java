package org.cryptosec.reader.model;

/** Which articles the list shows: one feed or all (feedId null), optionally unread or starred only. */
public record ArticleFilter(Long feedId, boolean unreadOnly, boolean starredOnly) {

    public static final ArticleFilter ALL = new ArticleFilter(null, false, false);

    public static ArticleFilter feed(long feedId) {
        return new ArticleFilter(feedId, false, false);
    }
}
