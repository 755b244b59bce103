package org.cryptosec.reader.ui.main;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.ui.Formats;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;
import org.cryptosec.reader.ui.articles.ArticleListViewModel;
import org.cryptosec.reader.ui.authors.AuthorsViewModel;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.feeds.AddFeedViewModel;
import org.cryptosec.reader.ui.feeds.FeedEntry;
import org.cryptosec.reader.ui.feeds.FeedListViewModel;
import org.cryptosec.reader.ui.reader.ReaderViewModel;
import org.cryptosec.reader.ui.status.RefreshViewModel;

/**
 * The window's state: feeds on the left, articles in the middle, the reader on the right and the
 * refresh in the status bar, wired together (choosing a feed lists its articles, choosing an
 * article opens it and marks it read, a refresh reloads what is shown).
 */
public final class MainViewModel {

    private final Library library;
    private final FxTaskExecutor tasks;
    private final FeedListViewModel feeds;
    private final ArticleListViewModel articles;
    private final ReaderViewModel reader;
    private final RefreshViewModel refresh;
    /** The schedule's first look waits until the window has settled. */
    static final Duration FIRST_SCHEDULED_LOOK = Duration.ofSeconds(5);
    private org.cryptosec.reader.task.TaskExecutor scheduleExecutor;
    private int autoRefreshMinutes;
    private final javafx.beans.property.ReadOnlyStringWrapper notification =
            new javafx.beans.property.ReadOnlyStringWrapper(this, "notification");

    public MainViewModel(Library library, FxTaskExecutor tasks) {
        this(library, tasks, ArticleListViewModel.DEFAULT_DEBOUNCE, Formats.system());
    }

    public MainViewModel(Library library, FxTaskExecutor tasks, Duration searchDebounce, Formats formats) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.feeds = new FeedListViewModel(library, tasks);
        this.articles = new ArticleListViewModel(library, tasks, searchDebounce);
        this.reader = new ReaderViewModel(library, tasks, formats);
        this.refresh = new RefreshViewModel(library, tasks);

        feeds.selectedProperty().addListener((obs, old, entry) -> {
            if (entry != null && (old == null || !old.key().equals(entry.key()))) {
                if (entry.kind() == FeedEntry.Kind.SAVED) {
                    articles.showSaved(entry.savedSearch());
                } else {
                    articles.showFilter(entry.filter());
                }
            }
        });
        feeds.setOnSavedHits(this::savedSearchesGrew);
        articles.selectedProperty().addListener((obs, old, row) -> articleSelected(row));
        articles.setOnStateChanged(feeds::reloadCounts);
        articles.setOnReadChanged(feeds::readChanged);
        feeds.setOnRetry(refresh::refresh);
        feeds.setOnRemoved(articles::reload);
        refresh.setOnFinished(report -> {
            feeds.reload();
            if (report != null && report.newArticles() > 0) {
                feeds.reloadSavedCounts(true);
            }
            reader.forgetCounts();
            if (report != null && report.newArticles() > 0) {
                articles.reload();
            }
        });
    }

    /** The latest "saved search has new hits" line (the window shows it as a toast), or null. */
    public javafx.beans.property.ReadOnlyStringProperty notificationProperty() {
        return notification.getReadOnlyProperty();
    }

    /**
     * Saves the search shown (typed or saved) with its facet filters and order under this name; it
     * appears in the sources pane, selected. Nothing happens without words or filters (the feeds model checks).
     */
    public void saveSearch(String name) {
        feeds.saveSearch(name, articles.activeSearch());
    }

    private void savedSearchesGrew(java.util.Map<org.cryptosec.reader.model.SavedSearch, Integer> grown) {
        String text = String.join("; ", grown.entrySet().stream()
                .map(e -> Messages.get("saved.newHits", e.getKey().name(), e.getValue())).toList());
        notification.set(null); // the same text twice in a row is still news
        notification.set(text);
        refresh.announce(text, null);
        if (feeds.selected() != null && feeds.selected().kind() == FeedEntry.Kind.SAVED) {
            articles.reload();
        }
    }

    /**
     * What was wrong with the user's synonyms.txt when the library opened (the first problem, naming
     * file and line, and how many there were), or null when nothing was.
     */
    public String synonymWarning() {
        List<org.cryptosec.reader.model.SynonymProblem> problems = library.synonymProblemDetails();
        return problems.isEmpty() ? null
                : Messages.get("synonyms.warning", synonymProblem(problems.get(0)), library.synonymProblems());
    }

    /**
     * Reads the user's synonyms.txt again, so an edit takes effect without a restart: the search shown is run
     * again with them, and a toast says it was read, or what was wrong with it.
     */
    public void reloadSynonyms() {
        tasks.submit("reload synonyms", (p, c) -> library.reloadSynonyms(), problems -> {
            notification.set(null); // the same text twice in a row is still news
            notification.set(problems.isEmpty()
                    ? Messages.get("synonyms.reloaded", Library.userSynonymsFile(library.dataDir())) : synonymWarning());
            articles.reload();
        }, failure -> refresh.announce(message(failure), null));
    }

    /** One problem of a synonym file in the window's language: "FILE: line 3 ...; line skipped". */
    static String synonymProblem(org.cryptosec.reader.model.SynonymProblem problem) {
        return problem.file() + ": " + Messages.get("synonyms.problem." + problem.kind().name(),
                String.valueOf(problem.line()), problem.value(0), problem.value(1));
    }

    /** Loads the feeds and the first page of articles. */
    public void start() {
        feeds.reload();
        FeedEntry entry = feeds.selected();
        articles.showFilter(entry == null ? FeedEntry.smart(FeedEntry.Kind.ALL).filter() : entry.filter());
    }

    public FeedListViewModel feeds() {
        return feeds;
    }

    public ArticleListViewModel articles() {
        return articles;
    }

    public ReaderViewModel reader() {
        return reader;
    }

    public RefreshViewModel refresh() {
        return refresh;
    }

    /** A fresh model for the "Add feed" dialog. */
    public AddFeedViewModel newAddFeed() {
        return new AddFeedViewModel(library, tasks);
    }

    /** After a subscription: list the feed, select it, and fetch its articles. */
    public void subscribed(Feed feed) {
        feeds.reload(feed.id());
        refresh.refresh(List.of(feed.id()));
    }

    /** The bundled sources, when the library has no feed yet (the first start); else empty. */
    public List<CatalogueEntry> catalogueToOffer() {
        if (!library.feeds().isEmpty()) {
            return List.of();
        }
        try {
            return library.catalogue();
        } catch (LibraryException e) {
            return List.of();
        }
    }

    /** Subscribes to the chosen sources, lists them and fetches their articles. */
    public void subscribeCatalogue(List<CatalogueEntry> chosen) {
        if (chosen == null || chosen.isEmpty()) {
            return;
        }
        List<Long> ids = library.subscribeAll(chosen).stream().map(Feed::id).toList();
        feeds.reload();
        if (!ids.isEmpty()) {
            refresh.refresh(ids);
        }
    }

    /** A fresh model for the authors window. */
    public AuthorsViewModel newAuthors() {
        return new AuthorsViewModel(library, tasks);
    }

    /**
     * Opens this article in the reader (from an author's profile): selects its row when listed,
     * else shows it directly; either way it is marked read.
     */
    public void openArticle(long id) {
        for (ArticleRow row : articles.rows()) {
            if (row.id() == id) {
                articles.selectedProperty().set(row);
                return;
            }
        }
        articles.selectedProperty().set(null);
        reader.show(id);
        tasks.submit("mark read", (p, c) -> {
            library.markRead(id, true);
            return Boolean.TRUE;
        }, ok -> feeds.reloadCounts(), failure -> refresh.announce(message(failure), null));
    }

    /** Subscribes to the feeds of an OPML file (those not yet subscribed), lists them and fetches them. */
    public void importOpml(java.nio.file.Path file) {
        tasks.submit("import OPML", (p, c) -> library.importOpml(file), added -> {
            refresh.announce(Messages.get("opml.imported", added, file.getFileName()), file.toString());
            feeds.reload();
            if (added > 0) {
                refreshAll();
            }
        }, failure -> refresh.announce(Messages.get("opml.importFailed", message(failure)), file.toString()));
    }

    /** Writes every subscription, with its folder, to an OPML file. */
    public void exportOpml(java.nio.file.Path file) {
        tasks.submit("export OPML", (p, c) -> {
            library.exportOpml(file);
            return library.feeds().size();
        }, count -> refresh.announce(Messages.get("opml.exported", count, file.getFileName()), file.toString()),
                failure -> refresh.announce(Messages.get("opml.exportFailed", message(failure)), file.toString()));
    }

    static String message(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }

    /** Where the background refresh schedule runs (a pool with a thread to spare); without it there is none. */
    public void setScheduleExecutor(org.cryptosec.reader.task.TaskExecutor executor) {
        this.scheduleExecutor = executor;
    }

    /**
     * Looks for due feeds every {@code minutes} minutes from now on (0: never) through the service's
     * {@link org.cryptosec.reader.service.RefreshScheduler}, the first time after a short pause.
     * Replaces the previous schedule.
     */
    public void setAutoRefresh(int minutes) {
        autoRefreshMinutes = Math.max(0, minutes);
        if (scheduleExecutor == null) {
            return;
        }
        if (autoRefreshMinutes == 0) {
            refresh.stopSchedule();
        } else {
            refresh.schedule(scheduleExecutor, Duration.ofMinutes(autoRefreshMinutes), FIRST_SCHEDULED_LOOK);
        }
    }

    /** Stops the background schedule (the window closes). */
    public void stop() {
        refresh.stopSchedule();
    }

    /** Minutes between automatic refreshes, 0 when off. */
    public int autoRefreshMinutes() {
        return autoRefreshMinutes;
    }

    /** Refreshes every feed. */
    public void refreshAll() {
        refresh.refresh(List.of());
    }

    /** Toggles read on the selected article (m). */
    public void toggleReadSelected() {
        articles.toggleRead(articles.selected());
    }

    /** Deletes the selected article for good (Delete, after the window's confirmation); says so in the status bar. */
    public void deleteSelected() {
        ArticleRow row = articles.selected();
        if (row == null) {
            return;
        }
        articles.delete(row, title -> {
            refresh.announce(Messages.get("articles.deleted", title), null);
            if (articles.selected() == null) {
                reader.clear();
            }
        });
    }

    /** Toggles the star on the selected article (s). */
    public void toggleStarredSelected() {
        articles.toggleStarred(articles.selected());
    }

    private void articleSelected(ArticleRow row) {
        if (row == null) {
            if (articles.rows().isEmpty()) {
                reader.clear();
            }
            return;
        }
        if (reader.requestedId() != row.id()) {
            reader.show(row.id());
        }
        articles.setRead(row, true);
    }
}
