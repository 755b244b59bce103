package org.cryptosec.reader.ui.reader;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.ui.Formats;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reader: loads one article, its offline HTML and its authors (avatars, bios) off the UI
 * thread and exposes what the header and the page show. A newer request wins over an older one.
 */
public final class ReaderViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ReaderViewModel.class);

    private final Library library;
    private final FxTaskExecutor tasks;
    private final Formats formats;
    private final ReadOnlyLongWrapper articleId = new ReadOnlyLongWrapper(this, "articleId", -1);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyStringWrapper date = new ReadOnlyStringWrapper(this, "date", "");
    private final ReadOnlyStringWrapper readingTime = new ReadOnlyStringWrapper(this, "readingTime", "");
    private final ReadOnlyStringWrapper url = new ReadOnlyStringWrapper(this, "url");
    private final ReadOnlyStringWrapper document = new ReadOnlyStringWrapper(this, "document",
            ReaderPage.placeholder(Messages.get("reader.empty")));
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing");
    private final ObservableList<AuthorInfo> authors = FXCollections.observableArrayList();
    private long generation;
    private long requestedId = -1;
    private volatile java.util.Map<Long, Integer> authorCounts;

    public ReaderViewModel(Library library, FxTaskExecutor tasks, Formats formats) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.formats = Objects.requireNonNull(formats, "formats");
    }

    /** Up to this many related articles are shown under the article. */
    public static final int RELATED = 5;

    /** An article like the one shown: its id, title and "source · date" line. */
    public record RelatedArticle(long id, String title, String source, java.time.Instant published) {
    }

    private final javafx.collections.ObservableList<RelatedArticle> related =
            javafx.collections.FXCollections.observableArrayList();

    /** Articles like the one shown (more like this from the index), best first; empty while loading. */
    public javafx.collections.ObservableList<RelatedArticle> related() {
        return related;
    }

    /** Loads the article in the background; the properties change when it is there. */
    public void show(long id) {
        long current = ++generation;
        requestedId = id;
        loading.set(true);
        error.set(null);
        related.clear();
        tasks.submit("open article " + id, (progress, cancellation) -> {
            long t0 = System.nanoTime();
            Content content = load(id);
            LOG.debug("Article {} loaded from the library in {} ms", id, (System.nanoTime() - t0) / 1_000_000);
            return content;
        },
                content -> {
                    if (current == generation) {
                        apply(id, content);
                        loadRelated(id, current);
                    }
                },
                failure -> {
                    if (current == generation) {
                        loading.set(false);
                        error.set(Messages.get("reader.loadFailed", message(failure)));
                    }
                });
    }

    /**
     * Loads an article in the background and throws it away: the first article opened then finds
     * the code loaded and the author counts ready (done once, after the list first shows).
     */
    public void warmUp(long id) {
        tasks.submit("warm up the reader", (progress, cancellation) -> load(id) != null, done -> { },
                failure -> LOG.debug("Warming up the reader failed", failure));
    }

    /** After the article is shown: its related articles, off the UI thread (a slow index never delays the article). */
    private void loadRelated(long id, long current) {
        String shownTitle = title.get();
        tasks.submit("related to " + id, (progress, cancellation) -> distinctRelated(
                        library.related(id, RELATED * 3), shownTitle),
                found -> {
                    if (current == generation) {
                        related.setAll(found);
                    }
                },
                failure -> LOG.debug("Related articles of {} failed", id, failure));
    }

    /** The first {@link #RELATED} hits with a title of their own: copies of the shown article or of each other are left out. */
    public static List<RelatedArticle> distinctRelated(List<org.cryptosec.reader.model.SearchHit> hits, String shownTitle) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        if (shownTitle != null) {
            seen.add(shownTitle.strip().toLowerCase(java.util.Locale.ROOT));
        }
        List<RelatedArticle> found = new ArrayList<>();
        for (org.cryptosec.reader.model.SearchHit h : hits) {
            String key = h.title() == null ? "#" + h.articleId() : h.title().strip().toLowerCase(java.util.Locale.ROOT);
            if (found.size() < RELATED && seen.add(key)) {
                found.add(new RelatedArticle(h.articleId(), h.title(), h.source(), h.published()));
            }
        }
        return found;
    }

    /** Shows nothing (no article selected). */
    public void clear() {
        ++generation;
        related.clear();
        requestedId = -1;
        loading.set(false);
        error.set(null);
        articleId.set(-1);
        showing.set(false);
        title.set("");
        source.set("");
        date.set("");
        readingTime.set("");
        url.set(null);
        authors.clear();
        document.set(ReaderPage.placeholder(Messages.get("reader.empty")));
    }

    private Content load(long id) {
        Optional<Article> found = library.article(id);
        if (found.isEmpty()) {
            return null;
        }
        Article article = found.get();
        String html = library.offlineHtml(id);
        List<AuthorInfo> infos = new ArrayList<>();
        for (Author author : article.authors()) {
            infos.add(authorInfo(author));
        }
        return new Content(article, ReaderPage.document(html, article.lang(), infos), infos);
    }

    private AuthorInfo authorInfo(Author author) {
        Author full = author;
        int count = 0;
        try {
            String key = author.id() > 0 ? Long.toString(author.id()) : author.name();
            if (key != null && !key.isBlank()) {
                Optional<Author> found = library.storedAuthor(key);
                if (found.isPresent()) {
                    Author stored = found.get();
                    full = new Author(stored.id(), firstNonBlank(stored.name(), author.name()),
                            firstNonBlank(stored.bio(), author.bio()), firstNonBlank(stored.url(), author.url()),
                            firstNonBlank(stored.avatarUrl(), author.avatarUrl()));
                    count = articleCounts().getOrDefault(stored.id(), 0);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Author profile of {} could not be loaded", author.name(), e);
        }
        String avatar = null;
        if (full.avatarUrl() != null && !full.avatarUrl().isBlank()) {
            try {
                avatar = library.imageDataUri(full.avatarUrl());
            } catch (RuntimeException e) {
                LOG.warn("Avatar of {} could not be loaded", full.name(), e);
            }
        }
        return new AuthorInfo(full.id(), full.name(), full.bio(), full.url(), avatar, count);
    }

    /** Articles per author id, counted once (one query) and kept until {@link #forgetCounts()}. */
    private java.util.Map<Long, Integer> articleCounts() {
        java.util.Map<Long, Integer> counts = authorCounts;
        if (counts == null) {
            java.util.Map<Long, Integer> fresh = new java.util.HashMap<>();
            for (org.cryptosec.reader.model.AuthorCount c : library.authors()) {
                fresh.put(c.author().id(), c.articles());
            }
            counts = java.util.Map.copyOf(fresh);
            authorCounts = counts;
        }
        return counts;
    }

    /** New articles came in: the authors' counts are counted again next time. */
    public void forgetCounts() {
        authorCounts = null;
    }

    private void apply(long id, Content content) {
        loading.set(false);
        if (content == null) {
            clear();
            error.set(Messages.get("reader.notFound"));
            return;
        }
        Article article = content.article();
        articleId.set(id);
        title.set(article.title() == null || article.title().isBlank() ? Messages.get("article.untitled") : article.title().strip());
        source.set(article.source() == null ? "" : article.source().strip());
        date.set(formats.longDate(article.published()));
        readingTime.set(article.readingMinutes() >= 0 ? Messages.get("reader.minutes", article.readingMinutes()) : "");
        url.set(article.url());
        authors.setAll(content.authors());
        document.set(content.document());
        showing.set(true);
    }

    /** The article last asked for with {@link #show}: shown, or still loading. -1 when cleared. */
    public long requestedId() {
        return requestedId;
    }

    public ReadOnlyLongProperty articleIdProperty() {
        return articleId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty dateProperty() {
        return date.getReadOnlyProperty();
    }

    /** "N min read". */
    public ReadOnlyStringProperty readingTimeProperty() {
        return readingTime.getReadOnlyProperty();
    }

    /** The article's address on the web, for "Open in browser". */
    public ReadOnlyStringProperty urlProperty() {
        return url.getReadOnlyProperty();
    }

    /** The whole HTML document for the WebView. */
    public ReadOnlyStringProperty documentProperty() {
        return document.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True while an article is shown. */
    public ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public ObservableList<AuthorInfo> authors() {
        return authors;
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String message(Throwable failure) {
        String text = failure.getMessage();
        return text == null || text.isBlank() ? failure.getClass().getSimpleName() : text;
    }

    private record Content(Article article, String document, List<AuthorInfo> authors) {
    }
}
