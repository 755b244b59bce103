package org.cryptosec.reader.ui.articles;

import java.time.Instant;
import org.cryptosec.reader.ui.Messages;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.SearchHit;

/**
 * One row of the article list, from a listing or a search hit. Read and starred are properties so
 * the list and the reader show the same state without reloading.
 */
public final class ArticleRow {

    private final long id;
    private final long feedId;
    private final String title;
    private final String source;
    private final List<String> authors;
    private final Instant published;
    private final String excerpt;
    private final List<SnippetText.Run> snippet;
    private final BooleanProperty read;
    private final BooleanProperty starred;

    private ArticleRow(long id, long feedId, String title, String source, List<String> authors, Instant published,
            String excerpt, List<SnippetText.Run> snippet, boolean read, boolean starred) {
        this.id = id;
        this.feedId = feedId;
        this.title = title == null || title.isBlank() ? Messages.get("article.untitled") : title.strip();
        this.source = source == null ? "" : source.strip();
        this.authors = authors == null ? List.of() : List.copyOf(authors);
        this.published = published;
        this.excerpt = excerpt == null ? "" : excerpt.strip();
        this.snippet = List.copyOf(snippet);
        this.read = new SimpleBooleanProperty(this, "read", read);
        this.starred = new SimpleBooleanProperty(this, "starred", starred);
    }

    public static ArticleRow of(ArticleSummary summary) {
        return new ArticleRow(summary.id(), summary.feedId(), summary.title(), summary.source(), summary.authors(),
                summary.published(), summary.excerpt(), List.of(), summary.read(), summary.starred());
    }

    /**
     * A row for a search hit, with read/starred state and feed from its stored summary. Without a
     * summary the row is shown as read (not bold), so nothing claims to be new that may not be.
     */
    public static ArticleRow of(SearchHit hit, ArticleSummary summary) {
        boolean known = summary != null && summary.id() == hit.articleId();
        return new ArticleRow(hit.articleId(), known ? summary.feedId() : -1, hit.title(), hit.source(), hit.authors(),
                hit.published(), SnippetText.plain(hit.snippet()), SnippetText.parse(hit.snippet()),
                !known || summary.read(), known && summary.starred());
    }

    public long id() {
        return id;
    }

    /** The feed id, or -1 when unknown (search hits). */
    public long feedId() {
        return feedId;
    }

    public String title() {
        return title;
    }

    public String source() {
        return source;
    }

    public List<String> authors() {
        return authors;
    }

    public Instant published() {
        return published;
    }

    /** Plain text under the title: the excerpt, or the snippet without markup. */
    public String excerpt() {
        return excerpt;
    }

    /** The search snippet with its matches marked; empty for a listing row. */
    public List<SnippetText.Run> snippet() {
        return snippet;
    }

    public BooleanProperty readProperty() {
        return read;
    }

    public boolean isRead() {
        return read.get();
    }

    public BooleanProperty starredProperty() {
        return starred;
    }

    public boolean isStarred() {
        return starred.get();
    }

    @Override
    public String toString() {
        return "ArticleRow[" + id + ", " + title + "]";
    }
}
