package org.cryptosec.reader.ui.feeds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.BackgroundTask;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;

/**
 * The feed list: the smart lists (all, unread, starred), then the folders (the feeds' categories)
 * with their feeds, then the feeds in no folder, each with its unread count and last error. Loads
 * off the UI thread, keeps the selection across reloads, and renames, moves and removes feeds.
 */
public final class FeedListViewModel {

    private static final Comparator<String> BY_NAME = Comparator.comparing((String s) -> s.toLowerCase(Locale.ROOT))
            .thenComparing(Comparator.naturalOrder());

    private final Library library;
    private final FxTaskExecutor tasks;
    private final ObservableList<FeedEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<FeedEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final FeedEntry all = FeedEntry.smart(FeedEntry.Kind.ALL);
    private final FeedEntry unread = FeedEntry.smart(FeedEntry.Kind.UNREAD);
    private final FeedEntry starred = FeedEntry.smart(FeedEntry.Kind.STARRED);
    private final Set<String> collapsed = new HashSet<>();
    private final FeedEntry savedSection = FeedEntry.savedSection();
    private List<Feed> feeds = List.of();
    private List<SavedSearch> saved = List.of();
    private Map<Long, Integer> counts = Map.of();
    private Map<Long, Integer> savedCounts = Map.of();
    private long savedCountsGeneration;
    /** A recount asked to announce grown searches was overtaken by a newer one: that one announces. */
    private boolean announcePending;
    private Consumer<Map<SavedSearch, Integer>> onSavedHits = hits -> { };
    private String pendingSelection;
    private long feedsGeneration;
    private long countsGeneration;
    private Consumer<List<Long>> onRetry = ids -> { };
    private Runnable onRemoved = () -> { };

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

    /** The last loading or editing error, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Who refreshes a feed again after "Retry" (the refresh in the status bar). */
    public void setOnRetry(Consumer<List<Long>> action) {
        this.onRetry = action == null ? ids -> { } : action;
    }

    /** Called on the UI thread after a feed was removed (its articles are gone: lists must reload). */
    public void setOnRemoved(Runnable action) {
        this.onRemoved = action == null ? () -> { } : action;
    }

    /**
     * The user picked this row: it becomes the selection (a folder lists the articles of all its
     * feeds; folding is {@link #toggleFolder}). Returns whether the selection changed to {@code entry}.
     */
    public boolean choose(FeedEntry entry) {
        if (entry == null || !entry.selectable()) {
            return false;
        }
        selected.set(entry);
        return true;
    }

    /** Folds or unfolds a folder: its feeds leave or rejoin the list. */
    public void toggleFolder(FeedEntry folder) {
        if (folder == null || folder.kind() != FeedEntry.Kind.FOLDER) {
            return;
        }
        if (!collapsed.remove(folder.folderName())) {
            collapsed.add(folder.folderName());
        }
        rebuild();
    }

    /** The names of the folders that hold at least one feed, sorted. */
    public List<String> folderNames() {
        return feeds.stream().map(FeedEntry::folderOf).filter(Objects::nonNull).distinct().sorted(BY_NAME).toList();
    }

    /** Selects the row with this {@link FeedEntry#key()} once the feeds are loaded (the last selection). */
    public void selectWhenLoaded(String key) {
        pendingSelection = key;
        selectKey(key);
    }

    /** Reloads feeds and unread counts in the background. */
    public void reload() {
        reload(null);
    }

    /** Reloads feeds and counts, then selects the feed with this id (when not null and listed). */
    public void reload(Long selectFeedId) {
        long generation = ++feedsGeneration;
        ++countsGeneration;
        tasks.submit("load feeds", (progress, cancellation) -> new Loaded(library.feeds(), library.unreadCounts(),
                        library.savedSearches()),
                loaded -> {
                    if (generation == feedsGeneration) {
                        apply(loaded);
                        if (selectFeedId != null) {
                            selectFeed(selectFeedId);
                        }
                        reloadSavedCounts(false);
                    }
                },
                failure -> error.set(Messages.get("feeds.loadFailed", message(failure))));
    }

    /** The saved searches, by name. */
    public List<SavedSearch> savedSearches() {
        return saved;
    }

    /**
     * Called on the UI thread when a recount after a refresh finds saved searches with more unread
     * hits than before: each with how many more.
     */
    public void setOnSavedHits(Consumer<Map<SavedSearch, Integer>> action) {
        this.onSavedHits = action == null ? hits -> { } : action;
    }

    /**
     * Recounts the unread hits of every saved search off the UI thread (they follow new articles and
     * read changes). With {@code announce}, searches whose count grew are handed to {@link #setOnSavedHits}.
     */
    public void reloadSavedCounts(boolean announce) {
        if (saved.isEmpty()) {
            return;
        }
        long generation = ++savedCountsGeneration;
        announcePending |= announce;
        tasks.submit("saved search counts", (progress, cancellation) -> library.savedSearchUnreadCounts(),
                fresh -> {
                    if (generation != savedCountsGeneration) {
                        return;
                    }
                    Map<Long, Integer> before = savedCounts;
                    applySavedCounts(fresh);
                    if (announcePending) {
                        announcePending = false;
                        Map<SavedSearch, Integer> grown = new java.util.LinkedHashMap<>();
                        for (SavedSearch search : saved) {
                            int more = fresh.getOrDefault(search.id(), 0) - before.getOrDefault(search.id(), 0);
                            if (more > 0 && before.containsKey(search.id())) {
                                grown.put(search, more);
                            }
                        }
                        if (!grown.isEmpty()) {
                            onSavedHits.accept(grown);
                        }
                    }
                },
                failure -> error.set(Messages.get("feeds.loadFailed", message(failure))));
    }

    /**
     * Saves the search (its text, facet filters and order) under this name, lists it and selects it.
     * Under the name of the saved search selected now, with its words, that one is changed instead (its
     * chips or order were changed and are kept); any other name in use is refused.
     */
    public void saveSearch(String name, org.cryptosec.reader.model.SearchQuery search) {
        if (search == null || search.isEmpty()) {
            return;
        }
        SavedSearch open = selectedSavedWithWordsOf(search);
        boolean replace = open != null && name != null && open.name().equalsIgnoreCase(name.strip());
        tasks.submit("save search", (p, c) -> replace
                ? library.updateSavedSearch(open.id(), name, search.text().strip(), search.filters(), search.sort())
                : library.saveSearch(name, search.text().strip(), search.filters(), search.sort()), saved -> {
            error.set(null);
            pendingSelection = "saved:" + saved.id();
            reload();
        }, failure -> error.set(Messages.get("saved.failed", message(failure))));
    }

    /**
     * The saved search selected in the sources pane when {@code search} has its words (only its chips or
     * order may differ: saving it under its own name changes it), or null.
     */
    public SavedSearch selectedSavedWithWordsOf(org.cryptosec.reader.model.SearchQuery search) {
        FeedEntry entry = selected.get();
        SavedSearch open = entry != null && entry.kind() == FeedEntry.Kind.SAVED ? entry.savedSearch() : null;
        return open != null && open.query().strip().equals(search.text().strip()) ? open : null;
    }

    /** Removes a saved search (the articles stay). */
    public void removeSaved(FeedEntry entry) {
        if (entry == null || entry.kind() != FeedEntry.Kind.SAVED) {
            return;
        }
        long id = entry.savedSearch().id();
        if (selected.get() == entry) {
            selected.set(all);
        }
        edit("remove saved search", (p, c) -> library.deleteSavedSearch(id), null);
    }

    /** How long after the last read/unread change the counts are recounted from the library. */
    public static final java.time.Duration RECOUNT_DELAY = java.time.Duration.ofMillis(1500);
    private FxTaskExecutor.Cancellable pendingRecount;

    /**
     * One article of this feed was marked read (or unread): its counts change at once here, and the
     * saved searches are recounted now, and the library recounts the feeds {@link #RECOUNT_DELAY} after the
     * last change.
     * Recounting 100,000 articles on every selection held the database while the next article was
     * being read (measured: 100-350 ms from selection to the reader's data at 100,000 articles).
     */
    public void readChanged(long feedId, boolean read) {
        if (feedId > 0) {
            Map<Long, Integer> next = new HashMap<>(counts);
            next.put(feedId, Math.max(0, next.getOrDefault(feedId, 0) + (read ? -1 : 1)));
            ++countsGeneration; // a recount in flight may predate this change
            applyCounts(next);
        }
        reloadSavedCounts(false); // a few index searches: cheap, and nothing else tells those counts
        if (pendingRecount != null) {
            pendingRecount.cancel();
        }
        pendingRecount = tasks.schedule(RECOUNT_DELAY, () -> {
            pendingRecount = null;
            try {
                reloadUnreadCounts(); // the saved searches were recounted at the change itself
            } catch (java.util.concurrent.RejectedExecutionException e) {
                org.slf4j.LoggerFactory.getLogger(FeedListViewModel.class).debug("Window closed before the recount", e);
            }
        });
    }

    /** Reloads only the unread counts (after marking articles read or unread), the saved searches' too. */
    public void reloadCounts() {
        reloadSavedCounts(false);
        reloadUnreadCounts();
    }

    /** The feeds' unread counts from the library; an answer older than a later change is dropped. */
    private void reloadUnreadCounts() {
        long generation = ++countsGeneration;
        tasks.submit("unread counts", (progress, cancellation) -> library.unreadCounts(),
                fresh -> {
                    if (generation == countsGeneration) {
                        applyCounts(fresh);
                    }
                },
                failure -> error.set(Messages.get("feeds.loadFailed", message(failure))));
    }

    /** Selects the feed with this id, if listed (unfolding its folder). */
    public void selectFeed(long feedId) {
        feeds.stream().filter(f -> f.id() == feedId).findFirst().map(FeedEntry::folderOf).ifPresent(folder -> {
            if (collapsed.remove(folder)) {
                rebuild();
            }
        });
        entries.stream().filter(e -> e.kind() == FeedEntry.Kind.FEED && e.feed().id() == feedId)
                .findFirst().ifPresent(selected::set);
    }

    /** Renames the feed (blank: back to its own title at the next refresh). */
    public void rename(FeedEntry entry, String name) {
        if (entry == null || entry.kind() != FeedEntry.Kind.FEED) {
            return;
        }
        long id = entry.feed().id();
        edit("rename feed", (p, c) -> library.renameFeed(id, name), id);
    }

    /** Moves the feed into this folder (a new name makes a new folder; blank: no folder). */
    public void moveToFolder(FeedEntry entry, String folder) {
        if (entry == null || entry.kind() != FeedEntry.Kind.FEED) {
            return;
        }
        long id = entry.feed().id();
        edit("move feed", (p, c) -> library.moveFeedToFolder(id, folder), id);
    }

    /** Renames a folder: every feed in it moves to the new name (blank: out of any folder). */
    public void renameFolder(FeedEntry folder, String newName) {
        if (folder == null || folder.kind() != FeedEntry.Kind.FOLDER) {
            return;
        }
        List<Long> ids = feeds.stream().filter(f -> folder.folderName().equals(FeedEntry.folderOf(f)))
                .map(Feed::id).toList();
        boolean wasCollapsed = collapsed.remove(folder.folderName());
        if (wasCollapsed && newName != null && !newName.isBlank()) {
            collapsed.add(newName.strip());
        }
        edit("rename folder", (p, c) -> {
            for (long id : ids) {
                library.moveFeedToFolder(id, newName);
            }
            return null;
        }, null);
    }

    /** Unsubscribes: the feed goes with its articles. */
    public void remove(FeedEntry entry) {
        if (entry == null || entry.kind() != FeedEntry.Kind.FEED) {
            return;
        }
        long id = entry.feed().id();
        if (selected.get() == entry) {
            selected.set(all);
        }
        tasks.submit("remove feed", (p, c) -> library.removeFeed(id), done -> {
            error.set(null);
            reload();
            onRemoved.run();
        }, failure -> error.set(Messages.get("feeds.editFailed", message(failure))));
    }

    /** Fetches a feed again now (after an error): a paused feed is unpaused first, then refreshed. */
    public void retry(FeedEntry entry) {
        if (entry == null || entry.kind() != FeedEntry.Kind.FEED) {
            return;
        }
        long id = entry.feed().id();
        tasks.submit("retry feed", (p, c) -> library.retryFeed(id), wasPaused -> {
            error.set(null);
            if (wasPaused) {
                reload();
            }
            onRetry.accept(List.of(id));
        }, failure -> error.set(Messages.get("feeds.editFailed", message(failure))));
    }

    private <T> void edit(String name, BackgroundTask<T> change, Long selectAfter) {
        tasks.submit(name, change, done -> {
            error.set(null);
            reload(selectAfter);
        }, failure -> error.set(Messages.get("feeds.editFailed", message(failure))));
    }

    private void apply(Loaded loaded) {
        error.set(null);
        feeds = List.copyOf(loaded.feeds());
        counts = loaded.counts();
        saved = List.copyOf(loaded.saved());
        rebuild();
        if (pendingSelection != null && selectKey(pendingSelection)) {
            pendingSelection = null;
        }
    }

    /** Lays out the rows from the loaded feeds, the folding and the counts, keeping the selection. */
    private void rebuild() {
        String selectedKey = selected.get() == null ? all.key() : selected.get().key();
        TreeMap<String, List<Feed>> byFolder = new TreeMap<>(BY_NAME);
        List<Feed> loose = new ArrayList<>();
        for (Feed feed : feeds) {
            String folder = FeedEntry.folderOf(feed);
            if (folder == null) {
                loose.add(feed);
            } else {
                byFolder.computeIfAbsent(folder, k -> new ArrayList<>()).add(feed);
            }
        }
        Comparator<Feed> byTitle = Comparator.comparing((Feed f) -> f.displayTitle().toLowerCase(Locale.ROOT))
                .thenComparingLong(Feed::id);
        List<FeedEntry> rows = new ArrayList<>(feeds.size() + byFolder.size() + 3);
        rows.add(all);
        rows.add(unread);
        rows.add(starred);
        if (!saved.isEmpty()) {
            rows.add(savedSection);
            for (SavedSearch search : saved) {
                FeedEntry row = FeedEntry.saved(search);
                row.setUnread(savedCounts.getOrDefault(search.id(), 0));
                rows.add(row);
            }
        }
        collapsed.retainAll(byFolder.keySet());
        for (Map.Entry<String, List<Feed>> group : byFolder.entrySet()) {
            FeedEntry folder = FeedEntry.folder(group.getKey());
            boolean expanded = !collapsed.contains(group.getKey());
            folder.expandedProperty().set(expanded);
            rows.add(folder);
            if (expanded) {
                group.getValue().stream().sorted(byTitle).map(FeedEntry::of).forEach(rows::add);
            }
        }
        loose.stream().sorted(byTitle).map(FeedEntry::of).forEach(rows::add);
        entries.setAll(rows);
        applyCounts(counts);
        FeedEntry keep = rows.stream().filter(r -> r.key().equals(selectedKey)).findFirst().orElse(null);
        if (keep == null && selectedKey.startsWith("feed:")) {
            // A feed folded away stays the selection (its articles stay listed).
            keep = selected.get() != null && feeds.stream().anyMatch(f -> ("feed:" + f.id()).equals(selectedKey))
                    ? selected.get() : all;
        }
        selected.set(keep == null ? all : keep);
    }

    private boolean selectKey(String key) {
        if (key == null) {
            return false;
        }
        if (key.startsWith("feed:")) {
            try {
                long id = Long.parseLong(key.substring("feed:".length()));
                if (feeds.stream().anyMatch(f -> f.id() == id)) {
                    selectFeed(id);
                    return true;
                }
            } catch (NumberFormatException e) {
                return false;
            }
            return false;
        }
        for (FeedEntry entry : entries) {
            if (entry.key().equals(key)) {
                selected.set(entry);
                return true;
            }
        }
        return false;
    }

    private void applyCounts(Map<Long, Integer> fresh) {
        this.counts = fresh;
        Map<String, Integer> perFolder = new HashMap<>();
        for (Feed feed : feeds) {
            String folder = FeedEntry.folderOf(feed);
            if (folder != null) {
                perFolder.merge(folder, Math.max(0, fresh.getOrDefault(feed.id(), 0)), Integer::sum);
            }
        }
        for (FeedEntry entry : entries) {
            if (entry.kind() == FeedEntry.Kind.FEED) {
                entry.setUnread(fresh.getOrDefault(entry.feed().id(), 0));
            } else if (entry.kind() == FeedEntry.Kind.FOLDER) {
                entry.setUnread(perFolder.getOrDefault(entry.folderName(), 0));
            }
        }
        int total = fresh.values().stream().mapToInt(c -> Math.max(0, c)).sum();
        all.setUnread(total);
        unread.setUnread(total);
    }

    static String message(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }

    private void applySavedCounts(Map<Long, Integer> fresh) {
        this.savedCounts = Map.copyOf(fresh);
        for (FeedEntry entry : entries) {
            if (entry.kind() == FeedEntry.Kind.SAVED) {
                entry.setUnread(fresh.getOrDefault(entry.savedSearch().id(), 0));
            }
        }
    }

    private record Loaded(List<Feed> feeds, Map<Long, Integer> counts, List<SavedSearch> saved) {
    }
}
