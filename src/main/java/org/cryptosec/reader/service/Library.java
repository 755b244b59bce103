package org.cryptosec.reader.service;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.AuthorCount;
import org.cryptosec.reader.model.AuthorProfile;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.Page;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;

/** The use cases, shared by the window and the CLI. Thread-safe. */
public final class Library implements AutoCloseable {

    /** Subscribes to a feed URL or a site URL (discovery finds its feed). */
    public Feed subscribe(String url) throws LibraryException { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public List<Feed> feeds() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public boolean removeFeed(long feedId) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Refreshes these feeds (all when empty); errors are per feed in the report. */
    public RefreshReport refresh(List<Long> feedIds, ProgressListener progress, Cancellation cancellation) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public SearchResult search(SearchQuery query) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<Article> article(long id) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Page<ArticleSummary> articles(ArticleFilter filter, int offset, int limit) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** The article's HTML ready for the reader: images inlined from the library, nothing that loads. */
    public String offlineHtml(long articleId) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** data: URI of a stored image (e.g. an avatar), or null. */
    public String imageDataUri(String url) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void markRead(long articleId, boolean read) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void markStarred(long articleId, boolean starred) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Map<Long, Integer> unreadCounts() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public List<AuthorCount> authors() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** By numeric id or by name. */
    public Optional<AuthorProfile> author(String nameOrId) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public int importOpml(Path file) throws LibraryException { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void exportOpml(Path file) throws LibraryException { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Rebuilds the search index from SQLite; returns the number of articles indexed. */
    public int reindex(ProgressListener progress, Cancellation cancellation) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    @Override
    public void close() { throw new UnsupportedOperationException("contract: not implemented yet"); }
}
