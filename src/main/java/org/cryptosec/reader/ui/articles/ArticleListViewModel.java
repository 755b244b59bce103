package org.cryptosec.reader.ui.articles;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Page;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;

/**
 * The article list: one page at a time of the chosen feed, or the hits of the search typed in the
 * box (debounced, run off the UI thread, stale answers dropped). Also marks articles read or
 * starred, at once in the list and then in the library.
 */
public final class ArticleListViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ArticleListViewModel.class);

    public static final int PAGE_SIZE = 200;
    public static final int SEARCH_LIMIT = 200;
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(250);

    private final Library library;
    private final FxTaskExecutor tasks;
    private final Duration debounce;
    private final ObservableList<ArticleRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ArticleRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper searching = new ReadOnlyBooleanWrapper(this, "searching");
    private final ObservableList<org.cryptosec.reader.model.Facet> facets = FXCollections.observableArrayList();
    private final ObservableList<org.cryptosec.reader.model.FacetFilter> facetFilters = FXCollections.observableArrayList();
    private final ObjectProperty<org.cryptosec.reader.model.SearchSort> sort =
            new SimpleObjectProperty<>(this, "sort", org.cryptosec.reader.model.SearchSort.RELEVANCE);
    private ArticleFilter filter = ArticleFilter.ALL;
    /** The saved search chosen in the sources pane, or null. */
    private org.cryptosec.reader.model.SavedSearch saved;
    /** True while a saved search's query, filters and sort are put back (no search per change). */
    private boolean restoring;
    private long generation;
    private int total;
    private boolean loadingMore;
    private FxTaskExecutor.Cancellable pendingSearch = () -> { };
    private Runnable onStateChanged = () -> { };
    private java.util.function.BiConsumer<Long, Boolean> onReadChanged;

    public ArticleListViewModel(Library library, FxTaskExecutor tasks) {
        this(library, tasks, DEFAULT_DEBOUNCE);
    }

    public ArticleListViewModel(Library library, FxTaskExecutor tasks, Duration debounce) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.debounce = Objects.requireNonNull(debounce, "debounce");
        query.addListener((obs, old, text) -> {
            if (!restoring) {
                queryChanged(text);
            }
        });
        sort.addListener((obs, old, order) -> {
            if (!restoring && (searching.get() || isSearch() || saved != null)) {
                reload();
            }
        });
    }

    /** The facet counts of the search shown (source, author, language, tag, year); empty when listing a feed. */
    public ObservableList<org.cryptosec.reader.model.Facet> facets() {
        return facets;
    }

    /** The facet values the search is narrowed to (one dimension ORed, different ones ANDed). */
    public ObservableList<org.cryptosec.reader.model.FacetFilter> facetFilters() {
        return facetFilters;
    }

    /** Order of search hits: relevance or date; changing it runs the search again. */
    public ObjectProperty<org.cryptosec.reader.model.SearchSort> sortProperty() {
        return sort;
    }

    /** Narrows the search shown to this facet value (again: removes it) and runs it again. */
    public void toggleFacet(org.cryptosec.reader.model.FacetFilter chosen) {
        if (chosen == null) {
            return;
        }
        if (!facetFilters.remove(chosen)) {
            facetFilters.add(chosen);
        }
        reload();
    }

    /** Drops every facet filter and runs the search again. */
    public void clearFacets() {
        if (!facetFilters.isEmpty()) {
            facetFilters.clear();
            reload();
        }
    }

    /** The text searched now: what is typed, else the chosen saved search's query; empty when listing. */
    public String activeQuery() {
        if (isSearch()) {
            return query.get().strip();
        }
        return saved == null ? "" : saved.query().strip();
    }

    /**
     * The search shown, as it would be saved: its text, the facet filters chosen now and the order;
     * empty text and no filters when a feed is listed.
     */
    public SearchQuery activeSearch() {
        boolean on = isSearch() || saved != null;
        return new SearchQuery(activeQuery(), SEARCH_LIMIT, sort.get(), on ? List.copyOf(facetFilters) : List.of(), false);
    }

    /** True when there is a search to save: words, or (for a saved search of only filters) filters. */
    public boolean canSaveSearch() {
        SearchQuery shown = activeSearch();
        return !shown.isEmpty();
    }

    /**
     * Lists the hits of a saved search with its own query, filters and order: a search typed before
     * is cleared, the facet chips and the sort toggle show what was saved.
     */
    public void showSaved(org.cryptosec.reader.model.SavedSearch search) {
        Objects.requireNonNull(search, "search");
        pendingSearch.cancel();
        restoring = true;
        try {
            saved = search;
            query.set("");
            facetFilters.setAll(search.filters());
            sort.set(search.sort());
        } finally {
            restoring = false;
        }
        reload();
    }

    public ObservableList<ArticleRow> rows() {
        return rows;
    }

    public ObjectProperty<ArticleRow> selectedProperty() {
        return selected;
    }

    public ArticleRow selected() {
        return selected.get();
    }

    /** The search box text; typing here searches after a short pause. */
    public StringProperty queryProperty() {
        return query;
    }

    /** A line about what the list shows ("12 results for ..."). */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    /** The last error, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while the list shows search hits rather than a feed. */
    public ReadOnlyBooleanProperty searchingProperty() {
        return searching.getReadOnlyProperty();
    }

    public ArticleFilter filter() {
        return filter;
    }

    /**
     * Called on the UI thread after one article was marked read or unread in the library, with its
     * feed id and new state; when not set, the state-changed action runs instead.
     */
    public void setOnReadChanged(java.util.function.BiConsumer<Long, Boolean> action) {
        this.onReadChanged = action;
    }

    /** Called on the UI thread after read or starred state changed in the library. */
    public void setOnStateChanged(Runnable action) {
        this.onStateChanged = action == null ? () -> { } : action;
    }

    /** Shows the articles of this filter (the search box is left alone: a search stays on). */
    public void showFilter(ArticleFilter newFilter) {
        this.filter = Objects.requireNonNull(newFilter, "filter");
        boolean wasSaved = saved != null;
        saved = null;
        if (!isSearch()) {
            facetFilters.clear();
            reload();
        } else if (wasSaved) {
            reload();
        }
    }

    /** Reloads what is shown: the search (typed or saved), or the first page of the filter. */
    public void reload() {
        String text = activeQuery();
        if (!text.isEmpty() || saved != null) {
            search(text);
        } else {
            loadFirstPage();
        }
    }

    /** Empties the search box and goes back to the feed's articles. */
    public void clearSearch() {
        query.set("");
    }

    /** True when more listing rows can be loaded below. */
    public boolean hasMore() {
        return !searching.get() && rows.size() < total;
    }

    /** Loads the next page of the listing (called when the list is scrolled near its end). */
    public void loadMore() {
        if (!hasMore() || loadingMore) {
            return;
        }
        loadingMore = true;
        long current = generation;
        ArticleFilter f = filter;
        int offset = rows.size();
        tasks.submit("more articles", (p, c) -> library.articles(f, offset, PAGE_SIZE),
                page -> {
                    loadingMore = false;
                    if (current == generation && page.offset() == rows.size()) {
                        rows.addAll(page.items().stream().map(ArticleRow::of).toList());
                        total = page.total();
                    }
                },
                failure -> {
                    loadingMore = false;
                    error.set(Messages.get("articles.loadFailed", message(failure)));
                });
    }

    /** Selects the next row (j); the first one when nothing is selected. */
    public void selectNext() {
        move(1);
    }

    /**
     * Selects the next unread row after the selected one (space at the end of an article). Returns
     * false when no unread row follows among those loaded (then it loads more, if there are more).
     */
    public boolean selectNextUnread() {
        int index = selected.get() == null ? -1 : rows.indexOf(selected.get());
        for (int i = index + 1; i < rows.size(); i++) {
            if (!rows.get(i).isRead()) {
                selected.set(rows.get(i));
                if (i >= rows.size() - 5) {
                    loadMore();
                }
                return true;
            }
        }
        loadMore();
        return false;
    }

    /** Selects the previous row (k). */
    public void selectPrevious() {
        move(-1);
    }

    /** Marks the row read or unread: at once in the list, then in the library. */
    public void setRead(ArticleRow row, boolean read) {
        if (row == null || row.isRead() == read) {
            return;
        }
        row.readProperty().set(read);
        tasks.submit("mark read", (p, c) -> {
            library.markRead(row.id(), read);
            return Boolean.TRUE;
        }, ok -> {
            if (onReadChanged != null) {
                onReadChanged.accept(row.feedId(), read);
            } else {
                onStateChanged.run();
            }
        }, failure -> {
            row.readProperty().set(!read);
            error.set(message(failure));
        });
    }

    public void toggleRead(ArticleRow row) {
        if (row != null) {
            setRead(row, !row.isRead());
        }
    }

    public void toggleStarred(ArticleRow row) {
        if (row == null) {
            return;
        }
        boolean starred = !row.isStarred();
        row.starredProperty().set(starred);
        tasks.submit("mark starred", (p, c) -> {
            library.markStarred(row.id(), starred);
            return Boolean.TRUE;
        }, ok -> onStateChanged.run(), failure -> {
            row.starredProperty().set(!starred);
            error.set(message(failure));
        });
    }

    /**
     * Deletes the article for good (no undo): the row leaves the list at once and the next one is
     * selected; {@code onDone} gets the row's title on the UI thread when the library has deleted
     * it, or the row comes back with an error.
     */
    public void delete(ArticleRow row, Consumer<String> onDone) {
        if (row == null) {
            return;
        }
        int index = rows.indexOf(row);
        if (index < 0) {
            return;
        }
        boolean wasSelected = selected.get() == row;
        total = Math.max(0, total - 1); // first: the list's cells ask whether there is more while the row goes
        rows.remove(index);
        if (wasSelected) {
            selected.set(rows.isEmpty() ? null : rows.get(Math.min(index, rows.size() - 1)));
        }
        tasks.submit("delete article", (p, c) -> library.deleteArticle(row.id()), deleted -> {
            error.set(null);
            onStateChanged.run();
            if (onDone != null) {
                onDone.accept(row.title());
            }
        }, failure -> {
            rows.add(Math.min(index, rows.size()), row);
            total++;
            error.set(message(failure));
        });
    }

    private boolean isSearch() {
        return query.get() != null && !query.get().isBlank();
    }

    private void move(int step) {
        if (rows.isEmpty()) {
            return;
        }
        int index = selected.get() == null ? -1 : rows.indexOf(selected.get());
        int next = index < 0 ? 0 : Math.max(0, Math.min(rows.size() - 1, index + step));
        selected.set(rows.get(next));
        if (next >= rows.size() - 5) {
            loadMore();
        }
    }

    private void queryChanged(String text) {
        pendingSearch.cancel();
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty() && saved != null) {
            showSaved(saved); // back from a typed search to the saved one, with its own filters and order
            return;
        }
        facetFilters.clear();
        if (trimmed.isEmpty()) {
            reload();
            return;
        }
        long scheduledFor = ++generation;
        pendingSearch = tasks.schedule(debounce, () -> {
            if (scheduledFor == generation) {
                search(trimmed);
            }
        });
    }

    private void search(String text) {
        long current = ++generation;
        loading.set(true);
        SearchQuery request = new SearchQuery(text, SEARCH_LIMIT, sort.get(), List.copyOf(facetFilters), true);
        tasks.submit("search", (p, c) -> {
            SearchResult result = library.search(request);
            Map<Long, ArticleSummary> summaries = new HashMap<>();
            for (ArticleSummary summary : library.summaries(result.hits().stream().map(SearchHit::articleId).toList())) {
                summaries.put(summary.id(), summary);
            }
            return new Found(result, summaries);
        }, found -> {
                    if (current == generation) {
                        showSearch(found);
                    }
                },
                failure -> {
                    if (current == generation) {
                        loading.set(false);
                        error.set(message(failure));
                    }
                });
    }

    private void showSearch(Found found) {
        SearchResult result = found.result();
        loading.set(false);
        error.set(null);
        searching.set(true);
        total = result.hits().size();
        replaceRows(result.hits().stream().map(h -> ArticleRow.of(h, found.summaries().get(h.articleId()))).toList());
        facets.setAll(result.facets().stream()
                .filter(f -> f.dimension() != org.cryptosec.reader.model.FacetDimension.MONTH).toList());
        String line = result.query().isBlank() ? Messages.get("search.filteredResults", result.total())
                : Messages.get("search.results", result.total(), result.query());
        info.set(result.fellBackToPlainWords() ? line + " \u00b7 " + Messages.get("search.fellBack") : line);
    }

    private void loadFirstPage() {
        long current = ++generation;
        ArticleFilter f = filter;
        loading.set(true);
        loadingMore = false;
        tasks.submit("articles", (p, c) -> {
            long t0 = System.nanoTime();
            org.cryptosec.reader.ui.StartupPhases.mark("first-page-asked");
            Page<ArticleSummary> page = library.articles(f, 0, PAGE_SIZE);
            org.cryptosec.reader.ui.StartupPhases.mark("first-page-read");
            LOG.debug("First page of {} articles in {} ms", page.total(), (System.nanoTime() - t0) / 1_000_000);
            return page;
        },
                page -> {
                    if (current == generation) {
                        org.cryptosec.reader.ui.StartupPhases.mark("first-page-on-fx");
                        showPage(page);
                    }
                },
                failure -> {
                    if (current == generation) {
                        loading.set(false);
                        error.set(Messages.get("articles.loadFailed", message(failure)));
                    }
                });
    }

    private void showPage(Page<ArticleSummary> page) {
        loading.set(false);
        error.set(null);
        searching.set(false);
        facets.clear();
        total = page.total();
        replaceRows(page.items().stream().map(ArticleRow::of).toList());
        info.set(Messages.get("articles.count", page.total()));
    }

    /** Replaces the rows, keeping the selected article selected when it is still listed. */
    private void replaceRows(List<ArticleRow> fresh) {
        ArticleRow old = selected.get();
        ArticleRow keep = null;
        if (old != null) {
            for (ArticleRow row : fresh) {
                if (row.id() == old.id()) {
                    keep = row;
                    break;
                }
            }
        }
        rows.setAll(fresh);
        if (keep != null) {
            keep.readProperty().set(old.isRead());
            keep.starredProperty().set(old.isStarred());
        }
        selected.set(keep);
    }

    private record Found(SearchResult result, Map<Long, ArticleSummary> summaries) {
    }

    private static String message(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }
}
