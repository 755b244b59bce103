package org.cryptosec.reader.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleState;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Page;

public final class ArticleRepository {

    public ArticleRepository(Database db) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /**
     * Inserts the article, links its authors (they must already have ids, in order) and creates its
     * unread state; keeps the original page HTML. Returns the new id.
     */
    public long insert(Article article, String originalHtml, String contentHash) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public boolean existsByGuid(long feedId, String guid) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public boolean existsByUrl(String url) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public boolean existsByContentHash(String contentHash) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** The article with its authors (in byline order). */
    public Optional<Article> get(long id) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<String> originalHtml(long id) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Newest first (published, else fetched). */
    public Page<ArticleSummary> list(ArticleFilter filter, int offset, int limit) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Summaries for these ids, in the order given; unknown ids are skipped. */
    public List<ArticleSummary> summaries(List<Long> ids) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public List<ArticleSummary> byAuthor(long authorId) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public Optional<ArticleState> state(long id) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void setRead(long id, boolean read) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public void setStarred(long id, boolean starred) { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public long count() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    public List<Long> allIds() { throw new UnsupportedOperationException("contract: not implemented yet"); }

    /** Streams every article (with authors) in id order, in batches, without loading all at once. */
    public void forEach(Consumer<Article> consumer) { throw new UnsupportedOperationException("contract: not implemented yet"); }
}
