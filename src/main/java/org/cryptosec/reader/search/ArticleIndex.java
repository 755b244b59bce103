package org.cryptosec.reader.search;

import java.nio.file.Path;
import java.util.Set;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;

/**
 * The only user of Lucene: one IndexWriter and a SearcherManager over {@code dir}. A derived copy of
 * SQLite; {@link #VERSION} names the folder (index/v&lt;N&gt;). Thread-safe.
 */
public final class ArticleIndex implements AutoCloseable {

    public static final int VERSION = 1;

    public static ArticleIndex open(Path dir) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Adds or replaces the article (by id). Visible to search after {@link #commit()}. */
    public void index(Article article) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void delete(long articleId) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void deleteAll() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Commits and refreshes the searcher. */
    public void commit() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Never throws on a bad query: it is searched as plain words instead. */
    public SearchResult search(SearchQuery query) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Ids of every indexed article, for reconciling with SQLite. */
    public Set<Long> indexedIds() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    @Override
    public void close() { throw new UnsupportedOperationException("contract: not implemented yet"); }
}
