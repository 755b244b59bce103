package org.cryptosec.reader.ui.feeds;

import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.Feed;

/** One row of the feed list: a smart list (all, unread, starred) or one feed, with its unread count. */
public final class FeedEntry {

    /** What the row stands for. */
    public enum Kind { ALL, UNREAD, STARRED, FEED }

    private final Kind kind;
    private final Feed feed;
    private final IntegerProperty unread = new SimpleIntegerProperty(this, "unread", 0);

    private FeedEntry(Kind kind, Feed feed) {
        this.kind = kind;
        this.feed = feed;
    }

    public static FeedEntry smart(Kind kind) {
        if (kind == Kind.FEED) {
            throw new IllegalArgumentException("a feed row needs its feed");
        }
        return new FeedEntry(kind, null);
    }

    public static FeedEntry of(Feed feed) {
        return new FeedEntry(Kind.FEED, Objects.requireNonNull(feed, "feed"));
    }

    public Kind kind() {
        return kind;
    }

    /** The feed, or null for a smart list. */
    public Feed feed() {
        return feed;
    }

    /** The filter that lists this row's articles. */
    public ArticleFilter filter() {
        return switch (kind) {
            case ALL -> ArticleFilter.ALL;
            case UNREAD -> new ArticleFilter(null, true, false);
            case STARRED -> new ArticleFilter(null, false, true);
            case FEED -> ArticleFilter.feed(feed.id());
        };
    }

    /** Stable identity across reloads: the kind, and the feed id for a feed row. */
    public String key() {
        return kind == Kind.FEED ? "feed:" + feed.id() : kind.name();
    }

    /** The last refresh error, or null. */
    public String error() {
        return feed == null ? null : feed.lastError();
    }

    public boolean hasError() {
        String error = error();
        return error != null && !error.isBlank();
    }

    public ReadOnlyIntegerProperty unreadProperty() {
        return unread;
    }

    public int unread() {
        return unread.get();
    }

    void setUnread(int count) {
        unread.set(Math.max(0, count));
    }

    @Override
    public String toString() {
        return key();
    }
}
