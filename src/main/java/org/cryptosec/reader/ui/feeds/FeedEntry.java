package org.cryptosec.reader.ui.feeds;

import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SavedSearch;

/**
 * One row of the feed list: a smart list (all, unread, starred), a folder (the feeds' category), or
 * one feed, with its unread count (a folder's is the sum of its feeds').
 */
public final class FeedEntry {

    /** What the row stands for (SECTION: the "Saved searches" heading, never selected; SAVED: a saved search). */
    public enum Kind { ALL, UNREAD, STARRED, FOLDER, FEED, SECTION, SAVED }

    private final Kind kind;
    private final Feed feed;
    private final String folder;
    private final SavedSearch saved;
    private final BooleanProperty expanded = new SimpleBooleanProperty(this, "expanded", true);
    private final IntegerProperty unread = new SimpleIntegerProperty(this, "unread", 0);

    private FeedEntry(Kind kind, Feed feed, String folder) {
        this(kind, feed, folder, null);
    }

    private FeedEntry(Kind kind, Feed feed, String folder, SavedSearch saved) {
        this.kind = kind;
        this.feed = feed;
        this.folder = folder;
        this.saved = saved;
    }

    /** A saved search shown like a feed: selecting it lists its hits. */
    public static FeedEntry saved(SavedSearch search) {
        return new FeedEntry(Kind.SAVED, null, null, Objects.requireNonNull(search, "search"));
    }

    /** The heading above the saved searches. */
    public static FeedEntry savedSection() {
        return new FeedEntry(Kind.SECTION, null, null, null);
    }

    /** The saved search of a SAVED row, else null. */
    public SavedSearch savedSearch() {
        return saved;
    }

    /** False for the section heading, which only labels the rows below it. */
    public boolean selectable() {
        return kind != Kind.SECTION;
    }

    public static FeedEntry smart(Kind kind) {
        if (kind == Kind.FEED || kind == Kind.FOLDER || kind == Kind.SAVED || kind == Kind.SECTION) {
            throw new IllegalArgumentException("a " + kind + " row needs its feed or folder name");
        }
        return new FeedEntry(kind, null, null);
    }

    public static FeedEntry of(Feed feed) {
        Objects.requireNonNull(feed, "feed");
        return new FeedEntry(Kind.FEED, feed, folderOf(feed));
    }

    /** A folder row; its feeds follow it in the list while it is expanded. */
    public static FeedEntry folder(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a folder needs a name");
        }
        return new FeedEntry(Kind.FOLDER, null, name.strip());
    }

    /** The folder a feed is in (its category, trimmed), or null. */
    public static String folderOf(Feed feed) {
        String category = feed.category();
        return category == null || category.isBlank() ? null : category.strip();
    }

    public Kind kind() {
        return kind;
    }

    /** The folder's name, or for a feed the folder it is in; null otherwise. */
    public String folderName() {
        return folder;
    }

    /** True for a feed shown inside a folder (indented). */
    public boolean inFolder() {
        return kind == Kind.FEED && folder != null;
    }

    /** For a folder: whether its feeds are listed below it. */
    public BooleanProperty expandedProperty() {
        return expanded;
    }

    public boolean isExpanded() {
        return expanded.get();
    }

    /** The feed, or null for a smart list or folder. */
    public Feed feed() {
        return feed;
    }

    /** The filter that lists this row's articles (a folder: the articles of all its feeds). */
    public ArticleFilter filter() {
        return switch (kind) {
            case ALL, SECTION, SAVED -> ArticleFilter.ALL;
            case FOLDER -> ArticleFilter.folder(folder);
            case UNREAD -> new ArticleFilter(null, true, false);
            case STARRED -> new ArticleFilter(null, false, true);
            case FEED -> ArticleFilter.feed(feed.id());
        };
    }

    /** Stable identity across reloads: the kind, and the feed id for a feed row. */
    public String key() {
        return switch (kind) {
            case FEED -> "feed:" + feed.id();
            case FOLDER -> "folder:" + folder;
            case SAVED -> "saved:" + saved.id();
            default -> kind.name();
        };
    }

    /** The last refresh error, or null. */
    public String error() {
        return feed == null ? null : feed.lastError();
    }

    /** True when refreshes skip this feed until the user retries it. */
    public boolean paused() {
        return feed != null && feed.paused();
    }

    /** Why the feed is paused, or null. */
    public String pausedReason() {
        return feed == null ? null : feed.pausedReason();
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
