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
import org.apache.lucene.document.LongPoint;
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
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Facet;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SearchSort;
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

    public static final int VERSION = 4;

    /** Hits returned per search at most, whatever {@link SearchQuery#limit()} asks. */
    public static final int MAX_LIMIT = 200;
    /** Time a search may spend collecting hits. */
    public static final long SEARCH_TIMEOUT_MS = 2_000;

    /** {@link #settle()} gives up waiting for merges after this long (they go on in the background). */
    private static final long SETTLE_TIMEOUT_NANOS = 10L * 60 * 1_000_000_000L;

    /**
     * Indexing buffer before a segment is flushed (shared by the threads indexing at once). Large so
     * that bulk loads write few segments and merge little while they run; a refresh commits long before.
     */
    static final double RAM_BUFFER_MB = 256;

    private static final Logger LOG = LoggerFactory.getLogger(ArticleIndex.class);
    private static final Set<String> HIT_FIELDS = Set.of(SearchFields.ID, SearchFields.TITLE,
            SearchFields.TEXT, SearchFields.URL, SearchFields.SOURCE, SearchFields.AUTHOR,
            SearchFields.PUBLISHED, SearchFields.LANG);

    private final Path path;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Swapped whole when the synonyms change ({@link #useSynonyms}); a query in flight keeps the one it read. */
    private volatile ArticleQueryBuilder queries;
    private final SnippetHighlighter snippets;
    private final Analyzer analyzer;
    /** Read lock: any operation; write lock: close. So close never pulls the writer from under a call. */
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final DeferrableMerges merges;
    private boolean closed;

    private ArticleIndex(Path path, Directory directory, IndexWriter writer, SearcherManager searchers,
            Analyzer analyzer, Synonyms synonyms, DeferrableMerges merges) {
        this.merges = merges;
        this.path = path;
        this.directory = directory;
        this.writer = writer;
        this.searchers = searchers;
        this.analyzer = analyzer;
        this.queries = new ArticleQueryBuilder(analyzer, synonyms);
        this.snippets = new SnippetHighlighter(analyzer);
    }

    /** Queries from now on expand words with these synonyms (the index itself does not change). */
    public void useSynonyms(Synonyms synonyms) {
        this.queries = new ArticleQueryBuilder(analyzer, Objects.requireNonNull(synonyms, "synonyms"));
    }

    /**
     * Opens (creating the folders and an empty index if needed) the index in {@code dir}.
     *
     * @throws UncheckedIOException when the folder cannot be created, another process holds the
     *                              index, or the index is unreadable (delete the folder to rebuild it)
     */
    public static ArticleIndex open(Path dir) {
        return open(dir, Synonyms.bundled());
    }

    /** Like {@link #open(Path)} with these query-time synonyms instead of the bundled ones. */
    public static ArticleIndex open(Path dir, Synonyms synonyms) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(synonyms, "synonyms");
        Directory directory = null;
        IndexWriter writer = null;
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            Analyzer analyzer = IndexAnalyzers.perField();
            DeferrableMerges merges = new DeferrableMerges();
            IndexWriterConfig config = new IndexWriterConfig(analyzer)
                    .setMergePolicy(merges)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setCommitOnClose(true)
                    // Bulk loads (refresh of many feeds, reindex) flush fewer, larger segments: writing
                    // the term dictionary of each small segment was a third of the indexing time.
                    .setRAMBufferSizeMB(RAM_BUFFER_MB)
                    // Flushed segments stay separate files: packing each into a compound file copied it
                    // once more during bulk loads; merges still pack small segments (the merge policy's ratio).
                    .setUseCompoundFile(false);
            writer = new IndexWriter(directory, config);
            SearcherManager searchers = new SearcherManager(writer, null);
            return new ArticleIndex(dir, directory, writer, searchers, analyzer, synonyms, merges);
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
        return openOrRecreate(dir, Synonyms.bundled());
    }

    /** Like {@link #openOrRecreate(Path)} with these query-time synonyms instead of the bundled ones. */
    public static ArticleIndex openOrRecreate(Path dir, Synonyms synonyms) {
        try {
            return open(dir, synonyms);
        } catch (UncheckedIOException e) {
            if (!isUnreadable(e.getCause())) {
                throw e;
            }
            LOG.warn("search index {} is unreadable ({}); recreating it empty", dir, e.getCause().toString());
            deleteLuceneFiles(dir);
            return open(dir, synonyms);
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

    /**
     * Writes in-memory segments to disk from the calling thread, largest first, until none is left. A
     * commit writes them all from one thread: bulk loads call this from each of their indexing threads
     * first, so the last segments are written in parallel.
     */
    public void flushBuffers() {
        withWriter("write the in-memory segments", () -> {
            while (writer.flushNextBuffer()) {
                // next segment
            }
        });
    }

    /** A bulk load in progress: {@link #close()} ends it. */
    public interface BulkLoad extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Starts a bulk load (reindex, a generated library): until every bulk load started is closed, segments
     * are not merged, so the cores index instead of rewriting segments that the next flushes make small
     * again; closing the last one lets the merges the index needs start in the background
     * ({@link #settle()} waits for them). Searching meanwhile works, over more segments.
     */
    public BulkLoad bulkLoad() {
        merges.bulkLoads.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean open = new java.util.concurrent.atomic.AtomicBoolean(true);
        return () -> {
            if (open.getAndSet(false) && merges.bulkLoads.decrementAndGet() == 0) {
                try {
                    withWriter("merge segments after a bulk load", writer::maybeMerge);
                } catch (IllegalStateException closedMeanwhile) {
                    LOG.debug("index closed before its bulk load ended; the next open merges");
                }
            }
        };
    }

    /** Segments in the index as of the last commit (for tests). */
    int segmentCount() {
        return withSearcher("count segments", s -> s.getIndexReader().leaves().size());
    }

    /** The default merge policy, with no merges found while a bulk load runs. */
    private static final class DeferrableMerges extends org.apache.lucene.index.FilterMergePolicy {
        final java.util.concurrent.atomic.AtomicInteger bulkLoads = new java.util.concurrent.atomic.AtomicInteger();

        DeferrableMerges() {
            super(new org.apache.lucene.index.TieredMergePolicy());
        }

        @Override
        public MergeSpecification findMerges(org.apache.lucene.index.MergeTrigger trigger,
                org.apache.lucene.index.SegmentInfos infos, MergeContext context) throws IOException {
            return bulkLoads.get() > 0 ? null : super.findMerges(trigger, infos, context);
        }

        @Override
        public MergeSpecification findFullFlushMerges(org.apache.lucene.index.MergeTrigger trigger,
                org.apache.lucene.index.SegmentInfos infos, MergeContext context) throws IOException {
            return bulkLoads.get() > 0 ? null : super.findFullFlushMerges(trigger, infos, context);
        }
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

    /**
     * Never throws on a bad query: it is searched as plain words instead. An empty text with facet
     * filters matches every article passing them; without filters it matches nothing.
     */
    public SearchResult search(SearchQuery query) {
        Objects.requireNonNull(query, "query");
        String text = query.text();
        int limit = Math.min(query.limit(), MAX_LIMIT);
        Query filter = filterQuery(query.filters());
        ArticleQueryBuilder.BuiltQuery built = queries.build(text);
        if (built.isEmpty()) {
            if (filter == null) {
                return new SearchResult(text, 0, List.of(), built.fellBackToPlainWords());
            }
            built = new ArticleQueryBuilder.BuiltQuery(new MatchAllDocsQuery(), null, built.fellBackToPlainWords());
        }
        ArticleQueryBuilder.BuiltQuery toRun = built;
        return withSearcher("search", shared -> {
            try {
                return run(shared, query, toRun, filter, limit);
            } catch (IndexSearcher.TooManyClauses e) {
                // Fuzzy/wildcard expansion can outgrow the clause limit only when the query runs.
                LOG.debug("query {} expanded to too many clauses; searching plain words",
                        ArticleQueryBuilder.abbreviate(text));
                ArticleQueryBuilder.BuiltQuery plain = queries.plainWords(text);
                if (plain.isEmpty()) {
                    return new SearchResult(text, 0, List.of(), true);
                }
                return run(shared, query, plain, filter, limit);
            }
        });
    }

    @FunctionalInterface
    private interface SearcherWork<T> {
        T run(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(String what, SearcherWork<T> work) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            IndexSearcher shared = searchers.acquire();
            try {
                return work.run(shared);
            } finally {
                searchers.release(shared);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("search index " + path + " failed to " + what + ": " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    /** Facet filters as one FILTER query (values of a dimension ORed, dimensions ANDed), or null. */
    static Query filterQuery(List<FacetFilter> filters) {
        if (filters == null || filters.isEmpty()) {
            return null;
        }
        java.util.Map<FacetDimension, BooleanQuery.Builder> byDimension = new java.util.EnumMap<>(FacetDimension.class);
        for (FacetFilter f : filters) {
            Query q;
            if (f.dimension() == FacetDimension.YEAR) {
                try {
                    DatePeriods.Period p = DatePeriods.parse(f.value());
                    q = f.value().strip().length() == 4 ? LongPoint.newRangeQuery(SearchFields.PUBLISHED, p.start(), p.end() - 1)
                            : new MatchNoDocsQuery("year filter " + f.value() + " is not a year");
                } catch (IllegalArgumentException e) {
                    q = new MatchNoDocsQuery("year filter " + f.value() + " is not a year");
                }
            } else {
                q = new TermQuery(new Term(FacetCounts.keyField(f.dimension()), ArticleDocuments.facetKey(f.value())));
            }
            byDimension.computeIfAbsent(f.dimension(), d -> new BooleanQuery.Builder()).add(q, Occur.SHOULD);
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        byDimension.values().forEach(b -> all.add(b.build(), Occur.FILTER));
        return all.build();
    }

    private static Query filtered(Query q, Query filter) {
        if (filter == null) {
            return q;
        }
        return new BooleanQuery.Builder().add(q, Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static final SortField NEWEST_FIRST;

    static {
        SortField newest = new SortField(SearchFields.PUBLISHED, SortField.Type.LONG, true);
        newest.setMissingValue(Long.MIN_VALUE);
        NEWEST_FIRST = newest;
    }

    private record Collected(TopDocs top, List<Facet> facets) {
    }

    private Collected collect(IndexSearcher searcher, Query used, SearchQuery query, int limit) throws IOException {
        Sort sort;
        Query ranked;
        if (query.sort() == SearchSort.DATE) {
            sort = new Sort(NEWEST_FIRST, SortField.FIELD_SCORE);
            ranked = used;
        } else {
            sort = new Sort(SortField.FIELD_SCORE, NEWEST_FIRST);
            ranked = FunctionScoreQuery.boostByValue(used, new RecencyBoost(System.currentTimeMillis()));
        }
        TopFieldCollectorManager topManager = new TopFieldCollectorManager(sort, limit, null, Integer.MAX_VALUE);
        if (!query.facets()) {
            return new Collected(searcher.search(ranked, topManager), List.of());
        }
        Object[] both = searcher.search(ranked, new MultiCollectorManager(topManager, new FacetCounts()));
        @SuppressWarnings("unchecked")
        List<Facet> facets = (List<Facet>) both[1];
        return new Collected((TopDocs) both[0], facets);
    }

    private SearchResult run(IndexSearcher shared, SearchQuery query, ArticleQueryBuilder.BuiltQuery built,
            Query filter, int limit) throws IOException {
        String text = query.text();
        // A searcher per call: the timeout is per search, and IndexSearcher is cheap to create.
        IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
        searcher.setTimeout(new QueryTimeoutImpl(SEARCH_TIMEOUT_MS));
        // Rewritten once up front: fuzzy terms become the terms they expanded to, so the snippets are
        // marked from the postings of those terms instead of running the automaton again per hit.
        Query used = searcher.rewrite(filtered(built.strict(), filter));
        Collected found = collect(searcher, used, query, limit);
        if (found.top().totalHits.value == 0 && built.relaxed() != null && !searcher.timedOut()) {
            used = searcher.rewrite(filtered(built.relaxed(), filter));
            found = collect(searcher, used, query, limit);
        }
        if (searcher.timedOut()) {
            LOG.warn("search for {} timed out after {} ms; results are partial",
                    ArticleQueryBuilder.abbreviate(text), SEARCH_TIMEOUT_MS);
        }
        return new SearchResult(text, found.top().totalHits.value, hits(searcher, used, found.top().scoreDocs),
                built.fellBackToPlainWords(), found.facets());
    }

    /** The hits of {@code scoreDocs} with their stored fields and snippets marked for {@code used}. */
    private List<SearchHit> hits(IndexSearcher searcher, Query used, ScoreDoc[] scoreDocs) throws IOException {
        StoredFields stored = searcher.storedFields();
        int n = scoreDocs.length;
        Document[] docs = new Document[n];
        int[] docIds = new int[n];
        String[] titles = new String[n];
        String[] bodies = new String[n];
        List<List<IndexLanguage>> languages = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            docIds[i] = scoreDocs[i].doc;
            docs[i] = stored.document(docIds[i], HIT_FIELDS);
            titles[i] = ArticleDocuments.nullToEmpty(docs[i].get(SearchFields.TITLE));
            bodies[i] = ArticleDocuments.nullToEmpty(docs[i].get(SearchFields.TEXT));
            languages.add(IndexLanguage.chainsFor(docs[i].get(SearchFields.LANG)));
        }
        String[] marked = snippets.snippets(searcher, used, docIds, languages, titles, bodies);
        List<SearchHit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Document d = docs[i];
            float score = scoreOf(scoreDocs[i]);
            hits.add(new SearchHit(ArticleDocuments.id(d), titles[i], d.get(SearchFields.URL),
                    d.get(SearchFields.SOURCE), ArticleDocuments.authors(d), ArticleDocuments.published(d),
                    d.get(SearchFields.LANG), marked[i], score));
        }
        return hits;
    }

    /** The relevance of a hit: from the sort values when sorted by fields, else its score. */
    private static float scoreOf(ScoreDoc d) {
        if (d instanceof FieldDoc && ((FieldDoc) d).fields != null) {
            for (Object v : ((FieldDoc) d).fields) {
                if (v instanceof Float) {
                    return (Float) v;
                }
            }
        }
        return Float.isNaN(d.score) ? 0f : d.score;
    }

    /**
     * Ids of every article the query matches (strict, else relaxed, as {@link #search} does), for
     * counts that join with SQLite such as a saved search's unread articles. Empty for an empty query.
     */
    public long[] matchingIds(String queryText) {
        return matchingIds(new SearchQuery(queryText, 1));
    }

    /**
     * {@link #matchingIds(String)} narrowed by the query's facet filters (its limit and sort do not
     * matter); an empty text with filters matches every article passing them, as {@link #search} does.
     */
    public long[] matchingIds(SearchQuery query) {
        String queryText = Objects.requireNonNull(query, "query").text();
        Query filter = filterQuery(query.filters());
        ArticleQueryBuilder.BuiltQuery parsed = queries.build(queryText);
        if (parsed.isEmpty() && filter == null) {
            return new long[0];
        }
        ArticleQueryBuilder.BuiltQuery built = parsed.isEmpty()
                ? new ArticleQueryBuilder.BuiltQuery(new MatchAllDocsQuery(), null, parsed.fellBackToPlainWords()) : parsed;
        return withSearcher("count matches", shared -> {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setTimeout(new QueryTimeoutImpl(SEARCH_TIMEOUT_MS));
            try {
                long[] ids = idsOf(searcher, filtered(built.strict(), filter));
                if (ids.length == 0 && built.relaxed() != null) {
                    ids = idsOf(searcher, filtered(built.relaxed(), filter));
                }
                if (searcher.timedOut()) {
                    // the count is a lower bound; the query is cut off rather than left to run on
                    LOG.warn("Counting matches of a saved search stopped after {} ms; {} found so far", SEARCH_TIMEOUT_MS,
                            ids.length);
                }
                return ids;
            } catch (IndexSearcher.TooManyClauses e) {
                ArticleQueryBuilder.BuiltQuery plain = queries.plainWords(queryText);
                return plain.isEmpty() ? new long[0] : idsOf(searcher, filtered(plain.strict(), filter));
            }
        });
    }

    private static long[] idsOf(IndexSearcher searcher, Query query) throws IOException {
        return searcher.search(query, new IdCollectorManager());
    }

    /**
     * Articles like this one (MoreLikeThis over the title and text fields of its language), best first,
     * the article itself excluded. Empty when the id is not indexed or the article has no telling words.
     */
    public List<SearchHit> related(long articleId, int limit) {
        int n = Math.max(1, Math.min(limit, MAX_LIMIT));
        return withSearcher("find related articles", shared -> {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setTimeout(new QueryTimeoutImpl(SEARCH_TIMEOUT_MS));
            Term idTerm = ArticleDocuments.idTerm(articleId);
            TopDocs self = searcher.search(new TermQuery(idTerm), 1);
            if (self.scoreDocs.length == 0) {
                return List.of();
            }
            Document doc = searcher.storedFields().document(self.scoreDocs[0].doc, HIT_FIELDS);
            Query like = moreLikeThis(searcher, doc);
            if (like == null) {
                return List.of();
            }
            Query query = new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(new TermQuery(idTerm), Occur.MUST_NOT).build();
            TopDocs top = searcher.search(query, n);
            return hits(searcher, like, top.scoreDocs);
        });
    }

    /** Words per field that MoreLikeThis keeps at most. */
    static final int RELATED_TERMS = 25;

    private Query moreLikeThis(IndexSearcher searcher, Document doc) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(analyzer);
        mlt.setMinTermFreq(1);
        mlt.setMinDocFreq(2);
        // Words in more than a quarter of the articles say little (but a small library keeps them).
        mlt.setMaxDocFreq(Math.max(10, searcher.getIndexReader().numDocs() / 4));
        mlt.setMinWordLen(3);
        mlt.setMaxQueryTerms(RELATED_TERMS);
        mlt.setMaxNumTokensParsed(5_000);
        mlt.setBoost(true);
        String title = ArticleDocuments.nullToEmpty(doc.get(SearchFields.TITLE));
        String text = ArticleDocuments.nullToEmpty(doc.get(SearchFields.TEXT));
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        int clauses = 0;
        IndexLanguage lang = IndexLanguage.chainsFor(doc.get(SearchFields.LANG)).get(0);
        for (String[] fieldAndValue : new String[][] {{lang.titleField(), title}, {lang.textField(), text}}) {
            if (fieldAndValue[1].isBlank()) {
                continue;
            }
            mlt.setFieldNames(new String[] {fieldAndValue[0]});
            Query q = mlt.like(fieldAndValue[0], new java.io.StringReader(fieldAndValue[1]));
            if (q instanceof BooleanQuery && ((BooleanQuery) q).clauses().isEmpty()) {
                continue;
            }
            b.add(fieldAndValue[0].equals(lang.titleField()) ? new org.apache.lucene.search.BoostQuery(q, 2f) : q,
                    Occur.SHOULD);
            clauses++;
        }
        return clauses == 0 ? null : b.build();
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
