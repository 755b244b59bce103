package org.cryptosec.reader.ui.feeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;

/**
 * The feed list: the smart lists (all, unread, starred), then every feed with its unread count
 * and last error. Loads off the UI thread and keeps the selection across reloads.
 */
public final class FeedListViewModel {

    private final Library library;
    private final FxTaskExecutor tasks;
    private final ObservableList<FeedEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<FeedEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final FeedEntry all = FeedEntry.smart(FeedEntry.Kind.ALL);
    private final FeedEntry unread = FeedEntry.smart(FeedEntry.Kind.UNREAD);
    private final FeedEntry starred = FeedEntry.smart(FeedEntry.Kind.STARRED);
    private long feedsGeneration;
    private long countsGeneration;

    public FeedListViewModel(Library library, FxTaskExecutor tasks) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        entries.setAll(all, unread, starred);
        selected.set(all);
    }

    public ObservableList<FeedEntry> entries() {
        return entries;
    }

    /** The chosen row; never null once loaded (falls back to "All articles"). */
    public ObjectProperty<FeedEntry> selectedProperty() {
        return selected;
    }

    public FeedEntry selected() {
        return selected.get();
    }

    /** The last loading error, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Reloads feeds and unread counts in the background. */
    public void reload() {
        reload(null);
    }

    /** Reloads feeds and counts, then selects the feed with this id (when not null and listed). */
    public void reload(Long selectFeedId) {
        long generation = ++feedsGeneration;
        ++countsGeneration;
        tasks.submit("load feeds", (progress, cancellation) -> new Loaded(library.feeds(), library.unreadCounts()),
                loaded -> {
                    if (generation == feedsGeneration) {
                        apply(loaded);
                        if (selectFeedId != null) {
                            selectFeed(selectFeedId);
                        }
                    }
                },
                failure -> error.set(Messages.get("feeds.loadFailed", message(failure))));
    }

    /** Reloads only the unread counts (after marking articles read or unread). */
    public void reloadCounts() {
        long generation = ++countsGeneration;
        tasks.submit("unread counts", (progress, cancellation) -> library.unreadCounts(),
                counts -> {
                    if (generation == countsGeneration) {
                        applyCounts(counts);
                    }
                },
                failure -> error.set(Messages.get("feeds.loadFailed", message(failure))));
    }

    /** Selects the feed with this id, if listed. */
    public void selectFeed(long feedId) {
        entries.stream().filter(e -> e.kind() == FeedEntry.Kind.FEED && e.feed().id() == feedId)
                .findFirst().ifPresent(selected::set);
    }

    private void apply(Loaded loaded) {
        error.set(null);
        String selectedKey = selected.get() == null ? all.key() : selected.get().key();
        List<Feed> feeds = new ArrayList<>(loaded.feeds());
        feeds.sort(Comparator.comparing((Feed f) -> f.displayTitle().toLowerCase(java.util.Locale.ROOT))
                .thenComparingLong(Feed::id));
        List<FeedEntry> rows = new ArrayList<>(feeds.size() + 3);
        rows.add(all);
        rows.add(unread);
        rows.add(starred);
        for (Feed feed : feeds) {
            rows.add(FeedEntry.of(feed));
        }
        entries.setAll(rows);
        applyCounts(loaded.counts());
        selected.set(rows.stream().filter(r -> r.key().equals(selectedKey)).findFirst().orElse(all));
    }

    private void applyCounts(Map<Long, Integer> counts) {
        for (FeedEntry entry : entries) {
            if (entry.kind() == FeedEntry.Kind.FEED) {
                entry.setUnread(counts.getOrDefault(entry.feed().id(), 0));
            }
        }
        int total = counts.values().stream().mapToInt(c -> Math.max(0, c)).sum();
        all.setUnread(total);
        unread.setUnread(total);
    }

    static String message(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }

    private record Loaded(List<Feed> feeds, Map<Long, Integer> counts) {
    }
}
