package org.cryptosec.reader.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.cryptosec.reader.extract.ArticleExtractor;
import org.cryptosec.reader.extract.OfflineHtml;
import org.cryptosec.reader.feed.DiscoveredFeed;
import org.cryptosec.reader.feed.FeedDiscovery;
import org.cryptosec.reader.feed.FeedDiscoveryException;
import org.cryptosec.reader.feed.FeedParseException;
import org.cryptosec.reader.feed.FeedParser;
import org.cryptosec.reader.feed.Opml;
import org.cryptosec.reader.feed.OpmlOutline;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.ArticleFilter;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.AuthorCount;
import org.cryptosec.reader.model.AuthorProfile;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.Page;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.model.StoredImage;
import org.cryptosec.reader.net.FetchLimits;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.AuthorRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.store.ImageRepository;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The use cases, shared by the window and the CLI. Thread-safe. */
public final class Library implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Library.class);
    /** Feeds refreshed at the same time (each fetches up to {@link FeedRefresher#PAGE_LANES_PER_FEED} pages at once). */
    static final int REFRESH_PARALLELISM = 24;
    /** Feeds of one host refreshed at the same time: polite by default. */
    static final int PER_HOST_PARALLELISM = 2;
    /** Requests in flight at once, overall and to one host (feeds, pages, images together). */
    static final int MAX_CONNECTIONS = 48;
    static final int MAX_CONNECTIONS_PER_HOST = 4;
    /** The search index is committed after this many feeds of a refresh (and at its end). */
    static final int COMMIT_EVERY_FEEDS = 25;
    static final long MAX_OPML_BYTES = 5L * 1024 * 1024;
    static final String CATALOGUE = "/catalogue/crypto-security.opml";

    private final Path dataDir;
    private final Database db;
    private final FeedRepository feedRepo;
    private final ArticleRepository articleRepo;
    private final AuthorRepository authorRepo;
    private final ImageRepository imageRepo;
    /** Held (shared) while a refresh may store images; image clean-up takes it alone, or skips. */
    private final java.util.concurrent.locks.ReentrantReadWriteLock storingImages =
            new java.util.concurrent.locks.ReentrantReadWriteLock();
    /** Set when something may have left images unused (a delete, a cancelled refresh, a re-extraction). */
    private final java.util.concurrent.atomic.AtomicBoolean imagesMayBeUnused = new java.util.concurrent.atomic.AtomicBoolean();
    private final ArticleIndex index;
    private final FeedDiscovery discovery;
    private final FeedRefresher refresher;
    private final TaskExecutor workers;
    private final TaskExecutor pageWorkers;
    private final Clock clock;

    /**
     * Builds a library from its parts; it owns and closes them. Feeds are refreshed on {@code workers};
     * their article pages on a pool of its own.
     */
    public Library(Path dataDir, Database db, ArticleIndex index, HttpFetcher pageFetcher, HttpFetcher imageFetcher,
                   TaskExecutor workers, Clock clock) {
        this(dataDir, db, index, pageFetcher, imageFetcher, workers,
                new PooledTaskExecutor(REFRESH_PARALLELISM * FeedRefresher.PAGE_LANES_PER_FEED), clock);
    }

    /**
     * As above with the pool for article pages given: it needs {@link FeedRefresher#PAGE_LANES_PER_FEED}
     * threads per thread of {@code workers}, and must not be {@code workers} itself.
     */
    public Library(Path dataDir, Database db, ArticleIndex index, HttpFetcher pageFetcher, HttpFetcher imageFetcher,
                   TaskExecutor workers, TaskExecutor pageWorkers, Clock clock) {
        this.dataDir = dataDir;
        this.pageWorkers = pageWorkers;
        this.clock = clock;
        this.db = db;
        this.index = index;
        this.workers = workers;
        this.feedRepo = new FeedRepository(db);
        this.articleRepo = new ArticleRepository(db);
        this.authorRepo = new AuthorRepository(db);
        this.imageRepo = new ImageRepository(db);
        FeedParser parser = new FeedParser();
        this.discovery = new FeedDiscovery(pageFetcher, parser);
        this.refresher = new FeedRefresher(db, feedRepo, articleRepo, authorRepo, imageRepo, index, pageFetcher,
                imageFetcher, parser, new ArticleExtractor(), clock, pageWorkers,
                new ConnectionBudget(MAX_CONNECTIONS, MAX_CONNECTIONS_PER_HOST));
    }

    /**
     * Opens (or creates) the library in {@code dataDir}: {@code library.db} and {@code index/v<N>/},
     * with default network limits, and brings the index up to date with SQLite.
     */
    public static Library open(Path dataDir) throws LibraryException {
        return open(dataDir, FetchLimits.defaults());
    }

    public static Library open(Path dataDir, FetchLimits limits) throws LibraryException {
        return open(dataDir, limits, true);
    }

    /**
     * As {@link #open(Path)} without bringing the index up to date with SQLite: the caller runs
     * {@link #reconcileIndex} itself, in the background (the window, which must open fast).
     */
    public static Library openWithoutReconcile(Path dataDir) throws LibraryException {
        return open(dataDir, FetchLimits.defaults(), false);
    }

    private static Library open(Path dataDir, FetchLimits limits, boolean reconcile) throws LibraryException {
        Database db = null;
        try {
            Files.createDirectories(dataDir);
            db = Database.open(dataDir.resolve("library.db"));
            org.cryptosec.reader.search.Synonyms.Loaded synonyms = org.cryptosec.reader.search.Synonyms.withUserFile(dataDir);
            ArticleIndex index = ArticleIndex.openOrRecreate(indexDir(dataDir), synonyms.synonyms());
            FetchLimits imageLimits = new FetchLimits(limits.connectTimeout(), limits.requestTimeout(),
                    Math.min(limits.maxBytes(), 5L * 1024 * 1024), limits.maxRedirects(), limits.userAgent());
            Library library = new Library(dataDir, db, index, new HttpFetcher(limits), new HttpFetcher(imageLimits),
                    new PooledTaskExecutor(REFRESH_PARALLELISM), Clock.systemUTC());
            library.synonymsLoaded = synonyms;
            if (reconcile) {
                library.reconcileIndex(ProgressListener.NONE);
            }
            return library;
        } catch (IOException | RuntimeException e) {
            if (db != null) {
                db.close();
            }
            String hint = String.valueOf(e.getMessage()).contains("in use by another process")
                    ? " (close the Cryptosec Reader window or the other command using it, then try again)" : "";
            throw new LibraryException("Cannot open the library in " + dataDir + ": " + e.getMessage() + hint, e);
        }
    }

    public static Path indexDir(Path dataDir) {
        return dataDir.resolve("index").resolve("v" + ArticleIndex.VERSION);
    }

    public Path dataDir() {
        return dataDir;
    }

    // ---------------------------------------------------------------- feeds

    /** Subscribes to a feed URL or a site URL (discovery finds its feed). */
    public Feed subscribe(String url) throws LibraryException {
        String trimmed = url == null ? "" : url.trim();
        if (trimmed.isEmpty()) {
            throw new LibraryException("No URL given");
        }
        if (!trimmed.contains("://")) {
            trimmed = "https://" + trimmed;
        }
        Optional<Feed> existing = feedRepo.findByUrl(trimmed);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            DiscoveredFeed found = discovery.discover(trimmed);
            Optional<Feed> known = feedRepo.findByUrl(found.feedUrl());
            if (known.isPresent()) {
                return known.get();
            }
            return feedRepo.add(Feed.newFeed(found.feedUrl(), found.title(), found.siteUrl(), null));
        } catch (FeedDiscoveryException e) {
            throw new LibraryException(e.getMessage(), e);
        }
    }

    public List<Feed> feeds() {
        return feedRepo.list();
    }

    public Optional<Feed> feed(long id) {
        return feedRepo.get(id);
    }

    /** Removes the feed with its articles, and their index entries. */
    public boolean removeFeed(long feedId) {
        boolean removed = feedRepo.remove(feedId);
        if (removed) {
            reconcileIndex(ProgressListener.NONE);
            removeUnusedImagesWhenIdle();
        }
        return removed;
    }

    /** Refreshes these feeds (all when empty); errors are per feed in the report. */
    public RefreshReport refresh(List<Long> feedIds, ProgressListener progress, Cancellation cancellation) {
        List<Feed> targets = new ArrayList<>();
        if (feedIds == null || feedIds.isEmpty()) {
            List<Feed> all = feedRepo.list();
            targets.addAll(all.stream().filter(f -> !f.paused()).toList());
            if (targets.size() < all.size()) {
                LOG.info("refresh: {} paused feeds left out (retry them one by one)", all.size() - targets.size());
            }
        } else {
            for (Long id : feedIds) {
                if (id != null && feedRepo.unpause(id)) {
                    LOG.info("Feed {} unpaused: refreshed on request", id);
                }
                feedRepo.get(id).ifPresentOrElse(targets::add,
                        () -> LOG.warn("refresh: no feed with id {}", id));
            }
        }
        return refreshFeeds(targets, false, progress, cancellation);
    }

    /**
     * Refreshes these feeds, at most {@link #PER_HOST_PARALLELISM} per host at a time. {@code scheduled}: a
     * feed paused (or removed) since the list was made is left out, never unpaused.
     */
    private RefreshReport refreshFeeds(List<Feed> feedList, boolean scheduled, ProgressListener progress,
                                       Cancellation cancellation) {
        storingImages.readLock().lock();
        try {
            return refreshFeedsLocked(feedList, scheduled, progress, cancellation);
        } finally {
            storingImages.readLock().unlock();
            if (cancellation.isCancelled()) {
                imagesMayBeUnused.set(true); // images may have arrived for articles never stored
            }
            if (imagesMayBeUnused.get()) {
                removeUnusedImagesWhenIdle();
            }
        }
    }

    /**
     * Deletes stored images nothing refers to any more (their articles deleted, their feeds removed, a
     * refresh cancelled after the image arrived), but only when no refresh is storing images: a refresh
     * stores an image before the article that links it. Returns how many went, 0 when it had to skip.
     */
    int removeUnusedImagesWhenIdle() {
        if (!storingImages.writeLock().tryLock()) {
            return 0;
        }
        try {
            imagesMayBeUnused.set(false);
            int removed = imageRepo.removeOrphans();
            if (removed > 0) {
                LOG.info("Removed {} stored images no article or author uses any more", removed);
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.warn("Could not remove unused images", e);
            imagesMayBeUnused.set(true);
            return 0;
        } finally {
            storingImages.writeLock().unlock();
        }
    }

    private RefreshReport refreshFeedsLocked(List<Feed> feedList, boolean scheduled, ProgressListener progress,
                                             Cancellation cancellation) {
        List<Feed> targets = interleaveByHost(feedList);
        Map<String, Semaphore> perHost = new ConcurrentHashMap<>();
        int total = targets.size();
        AtomicInteger done = new AtomicInteger();
        progress.progress(0, total, total == 0 ? "No feeds to refresh" : "Refreshing " + total + " feeds");
        List<Future<FeedRefreshResult>> futures = new ArrayList<>();
        for (Feed feed : targets) {
            Semaphore hostPermits = perHost.computeIfAbsent(FeedRefresher.hostOf(feed.url()),
                    h -> new Semaphore(PER_HOST_PARALLELISM));
            futures.add(workers.execute(() -> {
                FeedRefreshResult r;
                if (!Waiting.acquire(hostPermits, cancellation)) {
                    return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.ERROR, 0,
                            "cancelled", List.of());
                }
                try {
                    Optional<Feed> current = scheduled ? feedRepo.get(feed.id()) : Optional.of(feed);
                    if (current.isEmpty() || current.get().paused()) {
                        LOG.info("Scheduled refresh: {} left out, paused or removed meanwhile", feed.url());
                        r = null;
                    } else {
                        r = cancellation.isCancelled()
                                ? new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.ERROR, 0,
                                "cancelled", List.of())
                                : refresher.refresh(current.get(), cancellation, false);
                    }
                } finally {
                    hostPermits.release();
                }
                int n = done.incrementAndGet();
                if (n % COMMIT_EVERY_FEEDS == 0) {
                    index.commit();
                }
                progress.progress(n, total, feed.displayTitle() + ": " + (r == null ? "paused" : describe(r)));
                return r;
            }));
        }
        List<FeedRefreshResult> results = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            Feed feed = targets.get(i);
            try {
                FeedRefreshResult r = Waiting.join(futures.get(i), cancellation);
                if (r != null) {
                    results.add(r);
                }
            } catch (ExecutionException | CancellationException e) {
                LOG.error("Refresh of {} failed", feed.url(), e);
                results.add(new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.ERROR, 0,
                        "unexpected error: " + e.getMessage(), List.of()));
            }
        }
        index.commit();
        int added = results.stream().mapToInt(FeedRefreshResult::newArticles).sum();
        return new RefreshReport(added, results);
    }

    /** Orders feeds so that consecutive ones are on different hosts (round robin), spreading the load. */
    static List<Feed> interleaveByHost(List<Feed> feeds) {
        Map<String, java.util.ArrayDeque<Feed>> byHost = new java.util.LinkedHashMap<>();
        for (Feed f : feeds) {
            byHost.computeIfAbsent(FeedRefresher.hostOf(f.url()), h -> new java.util.ArrayDeque<>()).add(f);
        }
        List<Feed> result = new ArrayList<>(feeds.size());
        while (result.size() < feeds.size()) {
            for (java.util.ArrayDeque<Feed> queue : byHost.values()) {
                Feed next = queue.poll();
                if (next != null) {
                    result.add(next);
                }
            }
        }
        return result;
    }

    private static String describe(FeedRefreshResult r) {
        return switch (r.status()) {
            case OK -> r.newArticles() + " new";
            case NOT_MODIFIED -> "not modified";
            case ERROR -> "error: " + r.error();
        };
    }

    // ---------------------------------------------------------------- reading

    public SearchResult search(SearchQuery query) {
        return index.search(query);
    }

    public Optional<Article> article(long id) {
        return articleRepo.get(id);
    }

    public Page<ArticleSummary> articles(ArticleFilter filter, int offset, int limit) {
        return articleRepo.list(filter, offset, limit);
    }

    /** Summaries for these ids in the given order (e.g. search hits). */
    public List<ArticleSummary> summaries(List<Long> ids) {
        return articleRepo.summaries(ids);
    }

    /** The article's HTML ready for the reader: images inlined from the library, nothing that loads. */
    public String offlineHtml(long articleId) {
        return articleRepo.get(articleId)
                .map(a -> OfflineHtml.render(a.html() == null ? "" : a.html(), this::imageDataUri))
                .orElse("");
    }

    /** data: URI of a stored image (e.g. an avatar), or null. */
    public String imageDataUri(String url) {
        if (url == null) {
            return null;
        }
        return imageRepo.get(url)
                .map(img -> "data:" + img.contentType() + ";base64," + Base64.getEncoder().encodeToString(img.bytes()))
                .orElse(null);
    }

    public Optional<StoredImage> image(String url) {
        return url == null ? Optional.empty() : imageRepo.get(url);
    }

    /** The images the article uses, with whether each is stored. */
    public List<ImageRef> images(long articleId) {
        return imageRepo.urlsForArticle(articleId).stream().map(u -> new ImageRef(u, imageRepo.has(u))).toList();
    }

    public Optional<String> originalHtml(long articleId) {
        return articleRepo.originalHtml(articleId);
    }

    public void markRead(long articleId, boolean read) {
        articleRepo.setRead(articleId, read);
    }

    public void markStarred(long articleId, boolean starred) {
        articleRepo.setStarred(articleId, starred);
    }

    public Optional<org.cryptosec.reader.model.ArticleState> state(long articleId) {
        return articleRepo.state(articleId);
    }

    public Map<Long, Integer> unreadCounts() {
        return feedRepo.unreadCounts();
    }

    // ---------------------------------------------------------------- authors

    public List<AuthorCount> authors() {
        return authorRepo.listWithCounts();
    }

    /** By numeric id or by name. */
    public Optional<AuthorProfile> author(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        Optional<Author> author = Optional.empty();
        String key = nameOrId.trim();
        if (key.chars().allMatch(Character::isDigit) && key.length() < 18) {
            author = authorRepo.get(Long.parseLong(key));
        }
        if (author.isEmpty()) {
            author = authorRepo.findByName(key);
        }
        return author.map(a -> new AuthorProfile(a, articleRepo.byAuthor(a.id())));
    }

    // ---------------------------------------------------------------- catalogue

    /** The bundled crypto-security sources (resources/catalogue/crypto-security.opml), to offer, never to impose. */
    public List<CatalogueEntry> catalogue() throws LibraryException {
        try (java.io.InputStream in = Library.class.getResourceAsStream(CATALOGUE)) {
            if (in == null) {
                throw new LibraryException("The feed catalogue " + CATALOGUE + " is missing from the build");
            }
            return Opml.read(in.readAllBytes()).stream()
                    .filter(o -> o.xmlUrl() != null && !o.xmlUrl().isBlank())
                    .map(o -> new CatalogueEntry(o.title(), o.xmlUrl(), o.htmlUrl(), o.category()))
                    .toList();
        } catch (IOException | FeedParseException e) {
            throw new LibraryException("Cannot read the feed catalogue: " + e.getMessage(), e);
        }
    }

    /** Subscribes to the chosen catalogue entries (their feed URLs are known: no discovery); returns those added. */
    public List<Feed> subscribeAll(List<CatalogueEntry> entries) {
        List<Feed> added = new ArrayList<>();
        for (CatalogueEntry e : entries) {
            if (feedRepo.findByUrl(e.feedUrl()).isEmpty()) {
                added.add(feedRepo.add(Feed.newFeed(e.feedUrl(), e.title(), e.siteUrl(), e.category())));
            }
        }
        return added;
    }

    // ---------------------------------------------------------------- OPML

    public int importOpml(Path file) throws LibraryException {
        try {
            if (Files.size(file) > MAX_OPML_BYTES) {
                throw new LibraryException("OPML file is larger than " + MAX_OPML_BYTES / (1024 * 1024) + " MB: " + file);
            }
            List<OpmlOutline> outlines = Opml.read(Files.readAllBytes(file));
            int added = 0;
            for (OpmlOutline o : outlines) {
                if (o.xmlUrl() == null || o.xmlUrl().isBlank() || feedRepo.findByUrl(o.xmlUrl()).isPresent()) {
                    continue;
                }
                feedRepo.add(Feed.newFeed(o.xmlUrl().trim(), o.title(), o.htmlUrl(), o.category()));
                added++;
            }
            return added;
        } catch (IOException e) {
            throw new LibraryException("Cannot read " + file + ": " + e.getMessage(), e);
        } catch (FeedParseException e) {
            throw new LibraryException("Not a valid OPML file: " + e.getMessage(), e);
        }
    }

    public void exportOpml(Path file) throws LibraryException {
        List<OpmlOutline> outlines = feedRepo.list().stream()
                .map(f -> new OpmlOutline(f.displayTitle(), f.url(), f.siteUrl(), f.category()))
                .toList();
        String xml = Opml.write("Cryptosec Reader subscriptions", outlines);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, xml, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LibraryException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- index

    /**
     * Rebuilds the search index from SQLite on {@link ParallelIndexer#THREADS} threads (articles read
     * here, indexed there); returns the number of articles indexed.
     */
    public int reindex(ProgressListener progress, Cancellation cancellation) {
        long total = articleRepo.count();
        index.deleteAll();
        progress.progress(0, total, "Rebuilding the search index");
        int done;
        try (ParallelIndexer indexer = new ParallelIndexer(index, ParallelIndexer.THREADS, total, progress, "Indexed",
                cancellation)) {
            articleRepo.forEach(article -> {
                cancellation.throwIfCancelled();
                indexer.add(article);
            });
            done = indexer.finish();
        }
        index.commit();
        removeOldIndexVersions();
        return done;
    }

    /** Once the current index is complete: the folders of other index versions go (about 1 GB each at 100,000 articles). */
    private void removeOldIndexVersions() {
        org.cryptosec.reader.search.OldIndexVersions.remove(indexDir(dataDir).getParent());
    }

    /**
     * Brings the index in line with SQLite, the source of truth: indexes articles it lacks and drops
     * entries whose article is gone (e.g. after a crash between the two commits).
     */
    public int reconcileIndex(ProgressListener progress) {
        return reconcileIndex(progress, null);
    }

    /**
     * As {@link #reconcileIndex(ProgressListener)}, stopping with a {@link CancellationException} once
     * {@code cancellation} (may be null) is cancelled; what was indexed until then is committed, and the
     * next reconcile indexes the rest.
     */
    public int reconcileIndex(ProgressListener progress, Cancellation cancellation) {
        Set<Long> indexed = index.indexedIds();
        List<Long> stored = articleRepo.allIds();
        Set<Long> storedSet = new HashSet<>(stored);
        int changed = 0;
        for (Long id : indexed) {
            if (!storedSet.contains(id)) {
                index.delete(id);
                changed++;
            }
        }
        List<Long> missing = stored.stream().filter(id -> !indexed.contains(id)).toList();
        Cancellation stop = cancellation == null ? new Cancellation() : cancellation;
        if (!missing.isEmpty()) {
            changed += indexMissing(missing, progress, stop);
        } else if (stop.isCancelled()) { // the usual start has nothing missing: no indexing threads, same stop
            index.commit();
            stop.throwIfCancelled();
        }
        if (changed > 0) {
            index.commit();
            LOG.info("Index reconciled with the library: {} changes", changed);
        }
        removeOldIndexVersions();
        return changed;
    }

    /** Indexes these articles on {@link ParallelIndexer#THREADS} threads; a stop commits what was indexed until then. */
    private int indexMissing(List<Long> missing, ProgressListener progress, Cancellation cancellation) {
        try (ParallelIndexer indexer = new ParallelIndexer(index, ParallelIndexer.THREADS, missing.size(), progress,
                "Indexing", cancellation)) {
            if (missing.size() > RECONCILE_BY_SCAN) {
                // Many missing (a new index version, a lost folder): one pass over the table, not a query per id.
                Set<Long> wanted = new HashSet<>(missing);
                articleRepo.forEach(a -> {
                    if (wanted.contains(a.id())) {
                        cancellation.throwIfCancelled();
                        indexer.add(a);
                    }
                });
            } else {
                for (Long id : missing) {
                    cancellation.throwIfCancelled();
                    articleRepo.get(id).ifPresent(indexer::add);
                }
            }
            return indexer.finish();
        } catch (CancellationException stopped) {
            index.commit(); // the batches finished before the stop count
            throw stopped;
        }
    }

    /** Above this many missing articles, reconciling reads the whole table once instead of each article by id. */
    static final int RECONCILE_BY_SCAN = 200;

    public long articleCount() {
        return articleRepo.count();
    }

    // ---------------------------------------------------------------- re-extraction

    /** Articles re-extracted per batch: one index commit per batch, memory bounded by the batch. */
    static final int REEXTRACT_BATCH = 100;

    /**
     * What {@link #reextract} did: articles updated, left alone (no original page kept), failed (each with
     * its reason, at most {@value #REEXTRACT_MAX_REASONS} kept), and whether it was cancelled before the end.
     */
    public record ReextractSummary(int total, int updated, int skipped, int failed, List<String> failures,
                                   boolean cancelled, int imagesFetched, int imagesMissing) {
        public ReextractSummary {
            failures = List.copyOf(failures);
        }

        /** Without image counts (no image was newly referenced). */
        public ReextractSummary(int total, int updated, int skipped, int failed, List<String> failures,
                                boolean cancelled) {
            this(total, updated, skipped, failed, failures, cancelled, 0, 0);
        }
    }

    static final int REEXTRACT_MAX_REASONS = 100;

    /**
     * Runs the current extractor over the original page of every stored article and stores the new title,
     * authors, date, language, body and tags (a field the new extraction lacks keeps its stored value), then
     * updates the search index. No network: author bios come from what is stored. Works in batches of
     * {@value #REEXTRACT_BATCH}; cancelling stops after the article in hand, keeping what was done.
     */
    public ReextractSummary reextract(ProgressListener progress, Cancellation cancellation) {
        return reextract(progress, cancellation, false);
    }

    /**
     * Like {@link #reextract(ProgressListener, Cancellation)}; every image the new extraction references (lead
     * image and body, at most {@value FeedRefresher#MAX_IMAGES_PER_ARTICLE}) is linked to the article, and with
     * {@code fetchImages} the ones not in the library yet are fetched within the refresh's limits (connection
     * budget, size limit); without it they stay missing and are counted in the summary.
     */
    public ReextractSummary reextract(ProgressListener progress, Cancellation cancellation, boolean fetchImages) {
        storingImages.readLock().lock();
        try {
            return reextractLocked(progress, cancellation, fetchImages);
        } finally {
            storingImages.readLock().unlock();
            imagesMayBeUnused.set(true); // a new extraction may drop images the old one used
        }
    }

    private ReextractSummary reextractLocked(ProgressListener progress, Cancellation cancellation, boolean fetchImages) {
        List<Long> ids = articleRepo.allIds();
        int imagesFetched = 0;
        int imagesMissing = 0;
        int total = ids.size();
        ArticleExtractor extractor = new ArticleExtractor();
        int updated = 0;
        int skipped = 0;
        int failed = 0;
        List<String> failures = new ArrayList<>();
        boolean cancelled = false;
        progress.progress(0, total, "Re-extracting " + total + " articles");
        int done = 0;
        for (int from = 0; from < total && !cancelled; from += REEXTRACT_BATCH) {
            for (Long id : ids.subList(from, Math.min(total, from + REEXTRACT_BATCH))) {
                if (cancellation.isCancelled()) {
                    cancelled = true;
                    break;
                }
                try {
                    Optional<Article> stored = articleRepo.get(id);
                    Optional<String> original = stored.isEmpty() ? Optional.empty() : articleRepo.originalHtml(id);
                    if (original.isEmpty() || original.get().isBlank()) {
                        skipped++;
                    } else {
                        org.cryptosec.reader.extract.ExtractedArticle extraction =
                                extractor.extract(original.get(), stored.get().url());
                        Article fresh = reextracted(stored.get(), extraction);
                        Article saved = db.inTransaction(() -> {
                            List<Author> storedAuthors = new ArrayList<>();
                            for (Author a : fresh.authors()) {
                                storedAuthors.add(a.id() > 0 ? a : authorRepo.upsert(a));
                            }
                            Article withAuthors = fresh.withAuthors(storedAuthors);
                            articleRepo.updateExtraction(withAuthors);
                            return withAuthors;
                        });
                        index.index(saved);
                        updated++;
                        List<String> imageUrls = FeedRefresher.imageUrlsOf(saved, extraction);
                        for (String url : imageUrls) {
                            imageRepo.linkToArticle(id, url);
                        }
                        if (fetchImages) {
                            imagesFetched += refresher.storeMissingImages(imageUrls, cancellation);
                        }
                        imagesMissing += (int) imageUrls.stream().filter(u -> !imageRepo.has(u)).count();
                    }
                } catch (RuntimeException e) {
                    failed++;
                    LOG.warn("Re-extraction of article {} failed: {}", id, e.getMessage());
                    if (failures.size() < REEXTRACT_MAX_REASONS) {
                        failures.add("article " + id + ": " + e.getMessage());
                    }
                }
                done++;
                if (done % 50 == 0 || done == total) {
                    progress.progress(done, total, "Re-extracted " + done + " of " + total);
                }
            }
            index.commit();
        }
        return new ReextractSummary(total, updated, skipped, failed, failures, cancelled, imagesFetched, imagesMissing);
    }

    /** The stored article with the new extraction's fields; what the extraction lacks keeps its stored value. */
    static Article reextracted(Article old, org.cryptosec.reader.extract.ExtractedArticle x) {
        boolean hasBody = x.text() != null && !x.text().isBlank();
        return new Article(old.id(), old.feedId(), old.guid(), old.url(),
                x.title() != null && !x.title().isBlank() ? x.title() : old.title(), old.source(),
                x.authors().isEmpty() ? old.authors() : x.authors(),
                x.published() != null ? x.published() : old.published(),
                x.lang() != null ? x.lang() : old.lang(),
                hasBody ? x.readingMinutes() : old.readingMinutes(),
                x.leadImageUrl() != null ? x.leadImageUrl() : old.leadImageUrl(),
                x.tags().isEmpty() ? old.tags() : x.tags(),
                hasBody ? x.html() : old.html(), hasBody ? x.text() : old.text(), old.fetched());
    }

    @Override
    public void close() {
        workers.close();
        pageWorkers.close();
        try {
            index.close();
        } finally {
            db.close();
        }
    }

    /**
     * Deletes the article for good: its row (state, author and image links), its index entry, and
     * leaves a tombstone so refreshes do not bring it back. False when there was no such article.
     */
    public boolean deleteArticle(long articleId) {
        boolean deleted = articleRepo.deleteWithTombstone(articleId, clock.instant());
        if (deleted) {
            imagesMayBeUnused.set(true); // removed at the end of the next refresh
            index.delete(articleId);
            index.commit();
        }
        return deleted;
    }

    // ---------------------------------------------------------------- schedule

    /** Feeds whose next fetch is due now (never fetched, or next_fetch at or before now), paused ones left out. */
    public List<Feed> dueFeeds() {
        return feedRepo.due(clock.instant());
    }

    /** Refreshes the due feeds (what {@link RefreshScheduler} runs each time it wakes). */
    public RefreshReport refreshDue(ProgressListener progress, Cancellation cancellation) {
        List<Feed> due = dueFeeds();
        if (due.isEmpty()) {
            progress.progress(0, 0, "No feeds are due");
            return new RefreshReport(0, List.of());
        }
        return refreshFeeds(due, true, progress, cancellation);
    }

    /** The earliest next fetch of the feeds that are not paused (empty: none scheduled, or no feeds). */
    public Optional<java.time.Instant> nextDue() {
        return feedRepo.list().stream().filter(f -> !f.paused())
                .map(f -> f.nextFetch() == null ? java.time.Instant.EPOCH : f.nextFetch())
                .min(java.util.Comparator.naturalOrder());
    }

    /** The user asks to try a paused (or failing) feed again: unpaused and due at once. True when it was paused. */
    public boolean retryFeed(long feedId) {
        return feedRepo.retry(feedId);
    }

    /** Feeds paused after repeated or permanent failures, with {@link Feed#pausedReason()} saying why. */
    public List<Feed> pausedFeeds() {
        return feedRepo.list().stream().filter(Feed::paused).toList();
    }

    Clock clock() {
        return clock;
    }

    static Duration refreshInterval() {
        return FeedRefresher.REFRESH_INTERVAL;
    }

    // ---------------------------------------------------------------- related articles and saved searches

    /** Articles like this one (more like this), best first, without the article itself; empty for an unknown id. */
    public List<org.cryptosec.reader.model.SearchHit> related(long articleId, int limit) {
        return index.related(articleId, limit);
    }

    /** Saves a query under a name (unique, ignoring case). */
    public org.cryptosec.reader.model.SavedSearch saveSearch(String name, String query) throws LibraryException {
        return saveSearch(name, query, List.of(), org.cryptosec.reader.model.SearchSort.RELEVANCE);
    }

    /**
     * Saves a query with its facet filters and order under a name (unique, ignoring case); the query
     * may be blank when there are filters.
     */
    public org.cryptosec.reader.model.SavedSearch saveSearch(String name, String query,
            List<org.cryptosec.reader.model.FacetFilter> filters, org.cryptosec.reader.model.SearchSort sort)
            throws LibraryException {
        try {
            return new org.cryptosec.reader.store.SavedSearchRepository(db).add(name, query, filters, sort,
                    java.time.Instant.now());
        } catch (IllegalArgumentException e) {
            throw new LibraryException("Cannot save the search: " + e.getMessage(), e);
        }
    }

    /** Replaces a saved search's name, query, filters and order; throws when there is no such search or it is unusable. */
    public org.cryptosec.reader.model.SavedSearch updateSavedSearch(long id, String name, String query,
            List<org.cryptosec.reader.model.FacetFilter> filters, org.cryptosec.reader.model.SearchSort sort)
            throws LibraryException {
        org.cryptosec.reader.store.SavedSearchRepository repo = new org.cryptosec.reader.store.SavedSearchRepository(db);
        try {
            if (!repo.update(id, name, query, filters, sort)) {
                throw new LibraryException("No saved search with id " + id);
            }
        } catch (IllegalArgumentException e) {
            throw new LibraryException("Cannot change the saved search: " + e.getMessage(), e);
        }
        return repo.get(id).orElseThrow(() -> new LibraryException("Saved search " + id + " vanished while changing"));
    }

    /** Saved searches by name. */
    public List<org.cryptosec.reader.model.SavedSearch> savedSearches() {
        return new org.cryptosec.reader.store.SavedSearchRepository(db).list();
    }

    public Optional<org.cryptosec.reader.model.SavedSearch> savedSearch(long id) {
        return new org.cryptosec.reader.store.SavedSearchRepository(db).get(id);
    }

    /** False when there was no such saved search. */
    public boolean deleteSavedSearch(long id) {
        return new org.cryptosec.reader.store.SavedSearchRepository(db).delete(id);
    }

    /** The saved search run now (new articles included); empty when there is no such saved search. */
    public Optional<SearchResult> runSavedSearch(long id, int limit) {
        return savedSearch(id).map(s -> index.search(s.toQuery(limit, false)));
    }

    /**
     * Unread articles among all hits of the saved search (its filters applied), as of now: the hit ids
     * from the index joined with the read state in SQLite. 0 when there is no such saved search.
     */
    public int savedSearchUnread(long id) {
        org.cryptosec.reader.store.SavedSearchRepository repo = new org.cryptosec.reader.store.SavedSearchRepository(db);
        return repo.get(id).map(s -> repo.countUnread(index.matchingIds(s.toQuery(1, false)))).orElse(0);
    }

    /** {@link #savedSearchUnread} of every saved search, by id. */
    public Map<Long, Integer> savedSearchUnreadCounts() {
        org.cryptosec.reader.store.SavedSearchRepository repo = new org.cryptosec.reader.store.SavedSearchRepository(db);
        Map<Long, Integer> counts = new java.util.LinkedHashMap<>();
        for (org.cryptosec.reader.model.SavedSearch s : repo.list()) {
            counts.put(s.id(), repo.countUnread(index.matchingIds(s.toQuery(1, false))));
        }
        return counts;
    }

    // ---------------------------------------------------------------- author lookup without articles (the window)

    /** The stored author by numeric id or by name, without loading their articles (for the reader's header). */
    public Optional<Author> storedAuthor(String nameOrId) {
        if (nameOrId == null || nameOrId.isBlank()) {
            return Optional.empty();
        }
        String key = nameOrId.trim();
        Optional<Author> author = Optional.empty();
        if (key.chars().allMatch(Character::isDigit) && key.length() < 18) {
            author = authorRepo.get(Long.parseLong(key));
        }
        return author.isPresent() ? author : authorRepo.findByName(key);
    }

    // ---------------------------------------------------------------- feed names and folders (the window)

    /** Longest feed name or folder name accepted. */
    public static final int MAX_FEED_LABEL = 200;

    /**
     * Gives the feed a name of the user's choosing (kept across refreshes); a blank name goes back to
     * the feed's own title at the next refresh. Throws when the feed is gone or the name is unusable.
     */
    public Feed renameFeed(long feedId, String name) throws LibraryException {
        Feed feed = feedRepo.get(feedId).orElseThrow(() -> new LibraryException("No feed with id " + feedId));
        feedRepo.rename(feedId, feedLabel(name, "name"), feed.category());
        return feedRepo.get(feedId).orElseThrow(() -> new LibraryException("Feed " + feedId + " vanished while renaming"));
    }

    /** Puts the feed in this folder (its category); null or blank takes it out of every folder. */
    public Feed moveFeedToFolder(long feedId, String folder) throws LibraryException {
        Feed feed = feedRepo.get(feedId).orElseThrow(() -> new LibraryException("No feed with id " + feedId));
        feedRepo.rename(feedId, feed.title(), feedLabel(folder, "folder name"));
        return feedRepo.get(feedId).orElseThrow(() -> new LibraryException("Feed " + feedId + " vanished while moving"));
    }

    /** A trimmed single-line label, null when blank; rejects control characters and over-long text. */
    private static String feedLabel(String text, String what) throws LibraryException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String label = text.strip();
        if (label.length() > MAX_FEED_LABEL) {
            throw new LibraryException("The " + what + " is longer than " + MAX_FEED_LABEL + " characters");
        }
        if (label.chars().anyMatch(Character::isISOControl)) {
            throw new LibraryException("The " + what + " contains a line break or another control character");
        }
        return label;
    }

    // ---------------------------------------------------------------- the user's own synonyms

    /** The synonyms read at open, with the problems of the user's file (none when the library was built otherwise). */
    private volatile org.cryptosec.reader.search.Synonyms.Loaded synonymsLoaded =
            new org.cryptosec.reader.search.Synonyms.Loaded(org.cryptosec.reader.search.Synonyms.none());

    /**
     * Reads the user's synonym file again (as at open: merged with the shipped synonyms, bad lines skipped) and
     * searches from now on use it. Returns its problems, empty when there were none; {@link #synonymWarnings()}
     * and {@link #synonymProblems()} then tell of this reading.
     */
    public List<org.cryptosec.reader.model.SynonymProblem> reloadSynonyms() {
        org.cryptosec.reader.search.Synonyms.Loaded loaded = org.cryptosec.reader.search.Synonyms.withUserFile(dataDir);
        index.useSynonyms(loaded.synonyms());
        synonymsLoaded = loaded;
        return loaded.details();
    }

    /** The user's own synonym file (read at open, merged with the bundled synonyms; it need not exist). */
    public static Path userSynonymsFile(Path dataDir) {
        return org.cryptosec.reader.search.Synonyms.userFile(dataDir);
    }

    /** What was wrong with the user's synonym file at open, one line per problem naming file and line; empty when nothing. */
    public List<String> synonymWarnings() {
        return synonymsLoaded.warnings();
    }

    /** The same problems as {@link #synonymWarnings()}, as records the window words in the user's language. */
    public List<org.cryptosec.reader.model.SynonymProblem> synonymProblemDetails() {
        return synonymsLoaded.details();
    }

    /**
     * How many problems the user's synonym file had at open: all of them, also when {@link #synonymWarnings()}
     * lists only the first (then a line saying how many more).
     */
    public int synonymProblems() {
        return synonymsLoaded.problems();
    }
}
