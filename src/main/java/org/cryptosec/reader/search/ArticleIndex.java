package org.cryptosec.reader.search;

import org.apache.lucene.index.ConcurrentMergeScheduler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only user of Lucene: one IndexWriter and a SearcherManager over {@code dir}. A derived copy of
 * SQLite; {@link #VERSION} names the folder (index/v&lt;N&gt;). Thread-safe.
 *
 * <p>Search semantics (see {@link ArticleQueryBuilder}): words are ANDed; when that finds nothing
 * the same query is run with ORs. A query that does not parse is searched as plain words. A search
 * stops collecting after {@value #SEARCH_TIMEOUT_MS} ms and returns what it found. At most
 * {@value #MAX_LIMIT} hits are returned per search; {@code total} is exact unless the search timed out.
 */
public final class ArticleIndex implements AutoCloseable {

    public static final int VERSION = 2;

    /** Hits returned per search at most, whatever {@link SearchQuery#limit()} asks. */
    public static final int MAX_LIMIT = 200;
    /** Time a search may spend collecting hits. */
    public static final long SEARCH_TIMEOUT_MS = 2_000;

    /** {@link #settle()} gives up waiting for merges after this long (they go on in the background). */
    private static final long SETTLE_TIMEOUT_NANOS = 10L * 60 * 1_000_000_000L;

    /** Indexing buffer before a segment is flushed. */
    static final double RAM_BUFFER_MB = 64;

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    private static final Set<String> HIT_FIELDS = Set.of(SearchFields.ID, SearchFields.TITLE,
            SearchFields.TEXT, SearchFields.URL, SearchFields.SOURCE, SearchFields.AUTHOR,
            SearchFields.PUBLISHED, SearchFields.LANG);

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ArticleQueryBuilder queries;
    private final SnippetHighlighter snippets;
    /** Read lock: any operation; write lock: close. So close never pulls the writer from under a call. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private boolean closed;

    private ArticleIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers,
            Analyzer analyzer) {
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.queries = new ArticleQueryBuilder(analyzer);
        this.snippets = new SnippetHighlighter(analyzer);
    }

    /**
     * Opens (creating the folders and an empty index if needed) the index in {@code dir}.
     *
     * @throws UncheckedIOException when the folder cannot be created, another process holds the
     *                              index, or the index is unreadable (delete the folder to rebuild it)
     */
    public static ArticleIndex open(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            Analyzer analyzer = IndexAnalyzers.perField();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(true)
                    // Bulk loads (refresh of many feeds, reindex) flush fewer, larger segments: writing
                    // the term dictionary of each small segment was a third of the indexing time.
                    .setRAMBufferSizeMB(RAM_BUFFER_MB);
            writer = new IndexWriter(directory, config);
            SearcherManager searchers = new SearcherManager(writer, null);
            return new ArticleIndex(dir, directory, writer, searchers, analyzer);
        } catch (IOException | RuntimeException e) {
            closeQuietly(writer);
            closeQuietly(directory);
            throw new UncheckedIOException(openFailure(dir, e), e instanceof IOException
                    ? (IOException) e : new IOException(e));
        }
    }

    /**
     * Like {@link #open(Path)}, but an index that cannot be read (corrupt, or written by another
     * Lucene format) is deleted and an empty one created in its place: the caller then refills it
     * from SQLite (reconcile with {@link #indexedIds()}). Only Lucene's own files in {@code dir} are
     * deleted. A lock held by another process is not "unreadable" and still fails.
     */
    public static ArticleIndex openOrRecreate(Path dir) {
        try {
            return open(dir);
        } catch (UncheckedIOException e) {
            if (!isUnreadable(e.getCause())) {
                throw e;
            }
            LOG.warn("search index {} is unreadable ({}); recreating it empty", dir, e.getCause().toString());
            deleteLuceneFiles(dir);
            return open(dir);
        }
    }

    private static boolean isUnreadable(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CorruptIndexException || c instanceof IndexFormatTooOldException
                    || c instanceof IndexFormatTooNewException || c instanceof java.io.EOFException) {
                return true;
            }
        }
        return false;
    }

    private static void deleteLuceneFiles(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                boolean lucene = name.startsWith("_") || name.startsWith("segments")
                        || name.startsWith("pending_segments") || name.equals("write.lock");
                if (lucene && Files.isRegularFile(p)) {
                    Files.delete(p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear unreadable search index " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String openFailure(Path dir, Exception e) {
        if (e instanceof LockObtainFailedException) {
            return "search index " + dir + " is in use by another process";
        }
        if (e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException) {
            return "search index " + dir + " is unreadable (" + e.getMessage()
                    + "); delete the folder to rebuild it from the library";
        }
        return "cannot open search index " + dir + ": " + e;
    }

    /** The folder this index lives in. */
    public Path path() {
        return path;
    }

    /** Adds or replaces the article (by id). Visible to search after {@link #commit()}. */
    public void index(Article article) {
        Document doc = ArticleDocuments.toDocument(article);
        withWriter("index article " + article.id(),
                () -> writer.updateDocument(ArticleDocuments.idTerm(article.id()), doc));
    }

    public void delete(long articleId) {
        withWriter("delete article " + articleId,
                () -> writer.deleteDocuments(ArticleDocuments.idTerm(articleId)));
    }

    public void deleteAll() {
        withWriter("delete all articles", writer::deleteAll);
    }

    /** Commits and refreshes the searcher. */
    public void commit() {
        withWriter("commit", () -> {
            writer.commit();
            searchers.maybeRefreshBlocking();
        });
    }

    /**
     * Waits until the background merges the last writes started are done, then commits, so searches
     * (and the size on disk) see the settled index. For benchmarks and after bulk loads.
     */
    public void settle() {
        withWriter("wait for merges", () -> {
            if (writer.getConfig().getMergeScheduler() instanceof ConcurrentMergeScheduler cms) {
                long deadline = System.nanoTime() + SETTLE_TIMEOUT_NANOS;
                do {
                    cms.sync();
                } while ((writer.hasPendingMerges() || cms.mergeThreadCount() > 0) && System.nanoTime() < deadline);
            }
        });
        commit();
    }

    /** Never throws on a bad query: it is searched as plain words instead. */
    public SearchResult search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        String text = query.text();
        int limit = Math.min(query.limit(), MAX_LIMIT);
        ArticleQueryBuilder.BuiltQuery built = queries.build(text);
        if (built.isEmpty()) {
            return new SearchResult(text, 0, List.of(), built.fellBackToPlainWords());
        }
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            IndexSearcher shared = searchers.acquire();
            try {
                try {
                    return run(shared, text, built, limit);
                } catch (IndexSearcher.TooManyClauses e) {
                    // Fuzzy/wildcard expansion can outgrow the clause limit only when the query runs.
                    LOG.debug("query {} expanded to too many clauses; searching plain words",
                            ArticleQueryBuilder.abbreviate(text));
                    ArticleQueryBuilder.BuiltQuery plain = queries.plainWords(text);
                    if (plain.isEmpty()) {
                        return new SearchResult(text, 0, List.of(), true);
                    }
                    return run(shared, text, plain, limit);
                }
            } finally {
                searchers.release(shared);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index " + path + " failed to search: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private SearchResult run(IndexSearcher shared, String text, ArticleQueryBuilder.BuiltQuery built, int limit)
            throws IOException {
        // A searcher per call: the timeout is per search, and IndexSearcher is cheap to create.
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(SEARCH_TIMEOUT_MS));
        // Rewritten once up front: fuzzy terms become the terms they expanded to, so the snippets are
        // marked from the postings of those terms instead of running the automaton again per hit.
        Query used = searcher.rewrite(built.strict());
        TopDocs top = searcher.search(used, new TopScoreDocCollectorManager(limit, null, Integer.MAX_VALUE));
        if (top.totalHits.value == 0 && built.relaxed() != null && !searcher.timedOut()) {
            used = searcher.rewrite(built.relaxed());
            top = searcher.search(used, new TopScoreDocCollectorManager(limit, null, Integer.MAX_VALUE));
        }
        if (searcher.timedOut()) {
            LOG.warn("search for {} timed out after {} ms; results are partial",
                    ArticleQueryBuilder.abbreviate(text), SEARCH_TIMEOUT_MS);
        }
        StoredFields stored = searcher.storedFields();
        int n = top.scoreDocs.length;
        Document[] docs = new Document[n];
        int[] docIds = new int[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        List<List<IndexLanguage>> languages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docIds[i] = top.scoreDocs[i].doc;
            docs[i] = stored.document(docIds[i], HIT_FIELDS);
            titles[i] = ArticleDocuments.nullToEmpty(docs[i].get(SearchFields.TITLE));
            bodies[i] = ArticleDocuments.nullToEmpty(docs[i].get(SearchFields.TEXT));
            languages.add(IndexLanguage.chainsFor(docs[i].get(SearchFields.LANG)));
        }
        String[] marked = snippets.snippets(searcher, used, docIds, languages, titles, bodies);
        List<SearchHit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Document d = docs[i];
            hits.add(new SearchHit(ArticleDocuments.id(d), titles[i], d.get(SearchFields.URL),
                    d.get(SearchFields.SOURCE), ArticleDocuments.authors(d), ArticleDocuments.published(d),
                    d.get(SearchFields.LANG), marked[i], top.scoreDocs[i].score));
        }
        return new SearchResult(text, top.totalHits.value, hits, built.fellBackToPlainWords());
    }

    /** Ids of every indexed article as of the last {@link #commit()}, for reconciling with SQLite. */
    public Set<Long> indexedIds() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            IndexSearcher searcher = searchers.acquire();
            try {
                Set<Long> ids = new HashSet<>();
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    NumericDocValues values = leaf.reader().getNumericDocValues(SearchFields.ID_VALUES);
                    if (values == null) {
                        continue;
                    }
                    Bits live = leaf.reader().getLiveDocs();
                    for (int doc = values.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = values.nextDoc()) {
                        if (live == null || live.get(doc)) {
                            ids.add(values.longValue());
                        }
                    }
                }
                return Collections.unmodifiableSet(ids);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index " + path + " failed to list ids: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Commits what is pending and closes. Later calls to any method throw IllegalStateException. */
    @Override
    public void close() {
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            IOException failure = null;
            for (AutoCloseable c : new AutoCloseable[] {searchers, writer, directory}) {
                try {
                    c.close();
                } catch (Exception e) {
                    if (failure == null) {
                        failure = e instanceof IOException ? (IOException) e : new IOException(e);
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
            if (failure != null) {
                throw new UncheckedIOException("search index " + path + " did not close cleanly", failure);
            }
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    @FunctionalInterface
    private interface IndexAction {
        void run() throws IOException;
    }

    private void withWriter(String what, IndexAction action) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            action.run();
        } catch (IOException e) {
            throw new UncheckedIOException("search index " + path + ": cannot " + what + ": " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("search index " + path + " is closed");
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing after a failed open: {}", e.toString());
        }
    }
}
