package org.cryptosec.reader.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.cryptosec.reader.extract.ArticleExtractor;
import org.cryptosec.reader.extract.ExtractedArticle;
import org.cryptosec.reader.extract.Hosts;
import org.cryptosec.reader.extract.PageDecoder;
import org.cryptosec.reader.feed.FeedParseException;
import org.cryptosec.reader.feed.FeedParser;
import org.cryptosec.reader.feed.ParsedFeed;
import org.cryptosec.reader.feed.ParsedItem;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.StoredImage;
import org.cryptosec.reader.net.FetchException;
import org.cryptosec.reader.net.FetchResult;
import org.cryptosec.reader.net.HttpFetcher;
import org.cryptosec.reader.net.Validators;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.AuthorRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.cryptosec.reader.store.ImageRepository;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.SameThreadTaskExecutor;
import org.cryptosec.reader.task.TaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes one feed, start to end: fetch (conditional GET) → parse → for each new or changed item
 * (dedupe: GUID, canonical URL, content hash; never a deleted one): fetch its page → extract
 * (sanitized) → author page for a missing bio → images (bounded) → one SQLite transaction → Lucene.
 * The steps of one item are one plain sequential function; up to {@link #PAGE_LANES_PER_FEED} items
 * run at once on the page workers, every request within the {@link ConnectionBudget}. Schedules the
 * feed's next fetch ({@link RefreshPolicy}). Never throws: every failure ends in the result.
 */
public final class FeedRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRefresher.class);

    /** How many of a feed's items are looked at per refresh (newest first, as feeds list them). */
    static final int MAX_ITEMS_PER_REFRESH = 100;
    static final int MAX_IMAGES_PER_ARTICLE = 12;
    /** The interval when neither the server nor the feed says how often it changes. */
    static final Duration REFRESH_INTERVAL = RefreshPolicy.DEFAULT_INTERVAL;
    /** Article pages of one feed fetched at the same time. */
    public static final int PAGE_LANES_PER_FEED = 4;
    static final int INDEXING_THREADS = 2;

    private final Database db;
    private final FeedRepository feeds;
    private final ArticleRepository articles;
    private final AuthorRepository authors;
    private final ImageRepository images;
    private final ArticleIndex index;
    private final HttpFetcher pageFetcher;
    private final HttpFetcher imageFetcher;
    private final FeedParser parser;
    private final ArticleExtractor extractor;
    private final Clock clock;
    private final TaskExecutor pageWorkers;
    private final ConnectionBudget budget;
    /**
     * Lucene gives every thread that indexes at the same time its own in-memory segment, flushed as a
     * tiny segment at the next commit: page jobs index through this gate so a refresh makes few segments.
     */
    private final Semaphore indexing = new Semaphore(INDEXING_THREADS);
    /** Author pages remembered (least recently used dropped first). */
    static final int AUTHOR_PAGE_CACHE = 512;
    /** A failed author page is tried again after this long (e.g. at a later refresh). */
    static final Duration AUTHOR_PAGE_RETRY = Duration.ofMinutes(30);

    /** An author page read or being read; {@code retryAt} null: kept, else a failure forgotten at that time. */
    private record AuthorPage(CompletableFuture<Optional<Author>> result, Instant retryAt) {
    }

    /**
     * Author pages read in this process: url → bio found (or empty). Bounded; guarded by itself, never held
     * during a fetch (the first asker fetches, the others wait for its future).
     */
    private final Map<String, AuthorPage> authorPages = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, AuthorPage> eldest) {
            return size() > AUTHOR_PAGE_CACHE;
        }
    };

    /** Article pages being fetched right now by some feed's job: page URL → done when that job has ended. */
    private final Map<String, CompletableFuture<Void>> pagesInFlight =
            new ConcurrentHashMap<>();

    public FeedRefresher(Database db, FeedRepository feeds, ArticleRepository articles, AuthorRepository authors,
                         ImageRepository images, ArticleIndex index, HttpFetcher pageFetcher,
                         HttpFetcher imageFetcher, FeedParser parser, ArticleExtractor extractor, Clock clock) {
        this(db, feeds, articles, authors, images, index, pageFetcher, imageFetcher, parser, extractor, clock,
                new SameThreadTaskExecutor(), new ConnectionBudget(32, 4));
    }

    /**
     * With {@code pageWorkers} a feed's article pages are fetched and stored in parallel (at most
     * {@link #PAGE_LANES_PER_FEED} at a time per feed), every request within {@code budget}. The pool
     * should have at least {@code PAGE_LANES_PER_FEED} threads per feed refreshed at once so that page
     * jobs never queue.
     */
    public FeedRefresher(Database db, FeedRepository feeds, ArticleRepository articles, AuthorRepository authors,
                         ImageRepository images, ArticleIndex index, HttpFetcher pageFetcher,
                         HttpFetcher imageFetcher, FeedParser parser, ArticleExtractor extractor, Clock clock,
                         TaskExecutor pageWorkers, ConnectionBudget budget) {
        this.pageWorkers = pageWorkers;
        this.budget = budget;
        this.db = db;
        this.feeds = feeds;
        this.articles = articles;
        this.authors = authors;
        this.images = images;
        this.index = index;
        this.pageFetcher = pageFetcher;
        this.imageFetcher = imageFetcher;
        this.parser = parser;
        this.extractor = extractor;
        this.clock = clock;
    }

    public FeedRefreshResult refresh(Feed feed, Cancellation cancellation) {
        return refresh(feed, cancellation, true);
    }

    /**
     * Refreshes one feed; with {@code commitIndex} false the caller commits the search index later (a
     * batch of feeds, one commit). Never throws.
     */
    public FeedRefreshResult refresh(Feed feed, Cancellation cancellation, boolean commitIndex) {
        Instant now = clock.instant();
        FetchResult fetched;
        ParsedFeed parsed;
        try {
            fetched = fetch(pageFetcher, feed.url(), new Validators(feed.etag(), feed.lastModified()), cancellation);
            if (fetched.notModified()) {
                feeds.recordNotModified(feed.id(), now, RefreshPolicy.afterAnswer(now, fetched.freshness(now),
                        feeds.updateInterval(feed.id()).orElse(null)));
                return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.NOT_MODIFIED, 0, null,
                        List.of());
            }
            parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUri().toString());
        } catch (FetchException e) {
            if (e.isLocal() || cancellation.isCancelled()) {
                if (e.kind() == FetchException.Kind.NO_CAPACITY && !cancellation.isCancelled()) {
                    feeds.postpone(feed.id(), now.plus(RefreshPolicy.AFTER_NO_CAPACITY));
                }
                return notCounted(feed, e.getMessage());
            }
            return failed(feed, now, e.getMessage(), e);
        } catch (FeedParseException e) {
            return failed(feed, now, e.getMessage(), null);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure refreshing {}", feed.url(), e);
            return failed(feed, now, "unexpected error: " + e, null);
        }
        if (fetched.permanentRedirect() && !fetched.finalUri().toString().equals(feed.url())) {
            String newUrl = fetched.finalUri().toString();
            if (feeds.findByUrl(newUrl).isEmpty()) {
                feeds.updateUrl(feed.id(), newUrl);
                LOG.info("Feed {} moved permanently to {}", feed.url(), newUrl);
            }
        }
        String source = firstNonBlank(feed.title(), parsed.title(), hostOf(feed.url()));
        List<String> pageErrors = Collections.synchronizedList(new ArrayList<>());
        int added = storeItems(feed, source, parsed.items(), pageErrors, cancellation);
        if (commitIndex) {
            index.commit();
        }
        if (cancellation.isCancelled() || Thread.currentThread().isInterrupted()) {
            // not a success: keep the old validators and schedule so the items not stored yet come again
            LOG.info("Refresh of {} cancelled after {} new articles", feed.url(), added);
            return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.ERROR, added, "cancelled",
                    List.copyOf(pageErrors));
        }
        feeds.setUpdateInterval(feed.id(), parsed.updateInterval());
        feeds.recordSuccess(feed.id(), fetched.etag(), fetched.lastModified(), now,
                isBlank(feed.title()) ? parsed.title() : null,
                isBlank(feed.siteUrl()) ? parsed.siteUrl() : null,
                RefreshPolicy.afterAnswer(now, fetched.freshness(now), parsed.updateInterval()));
        return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.OK, added, null,
                List.copyOf(pageErrors));
    }

    /**
     * Stores the feed's new items: duplicates (in the library or earlier in this feed) are skipped here,
     * the rest are fetched, extracted and stored as page jobs, at most {@link #PAGE_LANES_PER_FEED} at a time.
     */
    private int storeItems(Feed feed, String source, List<ParsedItem> items, List<String> pageErrors,
                           Cancellation cancellation) {
        Semaphore lanes = new Semaphore(PAGE_LANES_PER_FEED);
        AtomicInteger added = new AtomicInteger();
        List<Future<Void>> jobs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        try {
            for (int i = 0; i < items.size() && i < MAX_ITEMS_PER_REFRESH; i++) {
                if (cancellation.isCancelled()) {
                    break;
                }
                ParsedItem item = items.get(i);
                NewItem fresh;
                try {
                    fresh = newItem(feed, item, seen);
                } catch (RuntimeException e) {
                    LOG.error("Could not check item {} of {}", item.url(), feed.url(), e);
                    pageErrors.add(describe(item) + ": " + e.getMessage());
                    continue;
                }
                if (fresh == null) {
                    continue;
                }
                if (!Waiting.acquire(lanes, cancellation)) {
                    break;
                }
                try {
                    jobs.add(pageWorkers.execute(() -> {
                        try {
                            if (!cancellation.isCancelled()
                                    && storeItem(feed, source, item, fresh, pageErrors, cancellation)) {
                                added.incrementAndGet();
                            }
                        } catch (RuntimeException e) {
                            LOG.error("Could not store item {} of {}", item.url(), feed.url(), e);
                            pageErrors.add(describe(item) + ": " + e.getMessage());
                        } finally {
                            lanes.release();
                        }
                        return null;
                    }));
                } catch (RuntimeException e) {
                    lanes.release();
                    LOG.error("Could not start the page job for {} of {}", item.url(), feed.url(), e);
                    pageErrors.add(describe(item) + ": " + e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancellation.cancel();
        }
        for (Future<Void> job : jobs) {
            try {
                Waiting.join(job, cancellation); // every job has ended before the feed is recorded
            } catch (ExecutionException | CancellationException e) {
                pageErrors.add("page job failed: " + e.getMessage());
            }
        }
        return added.get();
    }

    /**
     * What to do with an item: null to skip it (seen earlier in this feed, deleted by the user, or stored
     * and unchanged), else its GUID and content hash, with the stored article's id when it changed.
     * Dedupe order: GUID (within the feed), then canonical URL, then content hash.
     */
    private NewItem newItem(Feed feed, ParsedItem item, Set<String> seen) {
        String guid = firstNonBlank(item.guid(), item.url(), null);
        String hash = contentHash(item);
        if (guid != null && !seen.add("g " + guid) || item.url() != null && !seen.add("u " + item.url())
                || !seen.add("h " + hash)) {
            return null;
        }
        String key = guid == null ? hash : guid;
        if (articles.isTombstoned(feed.id(), key, item.url(), hash)) {
            return null;
        }
        if (guid != null) {
            Optional<ArticleRepository.StoredKey> stored = articles.findByGuid(feed.id(), guid);
            if (stored.isPresent()) {
                String before = stored.get().contentHash();
                return before == null || before.equals(hash) ? null : new NewItem(guid, hash, stored.get().id());
            }
        }
        if (item.url() != null && articles.existsByUrl(item.url()) || articles.existsByContentHash(hash)) {
            return null;
        }
        return new NewItem(key, hash, 0);
    }

    /** {@code existingId} > 0: the stored article of this GUID, whose item changed. */
    private record NewItem(String guid, String hash, long existingId) {
    }

    /** One request within the connection budget; never starts (CANCELLED) once {@code cancellation} is cancelled. */
    private FetchResult fetch(HttpFetcher fetcher, String url, Validators validators, Cancellation cancellation)
            throws FetchException {
        if (cancellation.isCancelled()) {
            throw cancelled(url);
        }
        ConnectionBudget.Permit permit;
        try {
            permit = budget.acquire(url, cancellation);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, 0, "interrupted while waiting to fetch " + url, e);
        }
        if (permit == null) {
            throw cancelled(url);
        }
        try (permit) {
            return fetcher.fetch(url, validators);
        }
    }

    private static FetchException cancelled(String url) {
        return new FetchException(FetchException.Kind.CANCELLED, 0, "cancelled before fetching " + url, null);
    }

    /** Stopped by the app, or no room here: nothing is recorded against the feed (no error, no backoff). */
    private static FeedRefreshResult notCounted(Feed feed, String message) {
        LOG.info("Refresh of {} not done: {}", feed.url(), message);
        return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.ERROR, 0,
                message == null ? "cancelled" : message, List.of());
    }

    private FeedRefreshResult failed(Feed feed, Instant now, String message, FetchException fetchError) {
        String error = message == null || message.isBlank() ? "unknown error" : message;
        boolean notFound = RefreshPolicy.isNotFound(fetchError);
        RefreshPolicy.Failure next = RefreshPolicy.afterFailure(now, feed.errorCount(),
                notFound ? feeds.notFoundCount(feed.id()) : 0, fetchError, error);
        if (next.pause()) {
            feeds.recordErrorAndPause(feed.id(), error, now, next.pausedReason(), notFound);
            LOG.warn("Feed {} paused: {}", feed.url(), next.pausedReason());
        } else {
            feeds.recordError(feed.id(), error, now, next.next(), notFound);
            LOG.warn("Feed {} failed: {}", feed.url(), error);
        }
        return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.ERROR, 0, error, List.of());
    }

    /**
     * Fetches, extracts and stores one new or changed item; returns true when an article was added (not updated).
     * A page another feed's job is fetching right now (feeds sharing an article, refreshed in parallel) is not
     * fetched again: this job waits for that one and skips the item once it is stored. When that job ended without
     * storing it (stopped, or failed), one waiting job takes the page up and any others wait for that one in turn.
     */
    private boolean storeItem(Feed feed, String source, ParsedItem item, NewItem fresh, List<String> pageErrors,
                              Cancellation cancellation) {
        String url = item.url();
        if (url == null || fresh.existingId() > 0) {
            return fetchAndStore(feed, source, item, fresh, pageErrors, cancellation);
        }
        while (true) {
            CompletableFuture<Void> mine = new CompletableFuture<>();
            CompletableFuture<Void> other = pagesInFlight.putIfAbsent(url, mine);
            if (other == null) {
                try {
                    return fetchAndStore(feed, source, item, fresh, pageErrors, cancellation);
                } finally {
                    pagesInFlight.remove(url, mine);
                    mine.complete(null);
                }
            }
            try {
                if (!Waiting.await(other, cancellation)) {
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancellation.cancel();
                return false;
            }
            if (articles.existsByUrl(url)) {
                return false; // the other feed stored it
            }
            // it failed there: fetch it here, unless a third feed's job took it up first (then wait for that one)
        }
    }

    private boolean fetchAndStore(Feed feed, String source, ParsedItem item, NewItem fresh, List<String> pageErrors,
                                  Cancellation cancellation) {
        String guid = fresh.guid();
        String hash = fresh.hash();
        String pageHtml = null;
        String pageUrl = item.url();
        if (item.url() != null) {
            try {
                FetchResult page = fetch(pageFetcher, item.url(), Validators.NONE, cancellation);
                pageHtml = PageDecoder.decode(page.body(), page.contentType());
                pageUrl = page.finalUri().toString();
            } catch (FetchException e) {
                if (e.kind() == FetchException.Kind.INTERRUPTED) {
                    cancellation.cancel(); // shutting down: the feed is not recorded, so the item comes again
                }
                if (cancellation.isCancelled()) {
                    return false; // stopped: nothing stored
                }
                pageErrors.add(item.url() + ": " + e.getMessage());
            }
        }
        String feedContent = firstNonBlank(item.contentHtml(), item.summaryHtml(), "");
        ExtractedArticle extracted;
        if (pageHtml != null) {
            extracted = extractor.extract(pageHtml, pageUrl);
            if (isBlank(extracted.text()) && !feedContent.isBlank()) {
                extracted = mergeBody(extracted, extractor.extract(wrap(item.title(), feedContent), pageUrl));
            }
        } else {
            extracted = extractor.extract(wrap(item.title(), feedContent),
                    firstNonBlank(item.url(), feed.url(), null));
        }
        List<Author> byline = extracted.authors().isEmpty()
                ? item.authors().stream().map(Author::named).toList()
                : extracted.authors();
        String articleUrl = firstNonBlank(pageUrl, item.url(), null);
        List<Author> withBios = byline.stream().map(a -> completeBio(a, articleUrl, cancellation)).toList();
        Article article = new Article(0, feed.id(), guid, firstNonBlank(item.url(), pageUrl, null),
                firstNonBlank(extracted.title(), item.title(), "(untitled)"),
                source, List.of(), firstNonNull(extracted.published(), item.published()),
                extracted.lang(), extracted.readingMinutes(),
                firstNonBlank(extracted.leadImageUrl(), item.imageUrl(), null),
                extracted.tags().isEmpty() ? item.categories() : extracted.tags(),
                extracted.html(), extracted.text(), clock.instant());
        downloadImages(article, extracted, withBios, cancellation);
        if (cancellation.isCancelled()) {
            return false;
        }
        List<String> articleImages = imageUrlsOf(article, extracted);
        String originalHtml = pageHtml;
        Article stored = db.inTransaction(() -> {
            List<Author> storedAuthors = new ArrayList<>();
            for (Author a : withBios) {
                storedAuthors.add(authors.upsert(a));
            }
            Article withAuthors = article.withAuthors(storedAuthors);
            long id;
            if (fresh.existingId() > 0) {
                id = fresh.existingId();
                if (!articles.updateContent(id, withAuthors, originalHtml, hash)) {
                    return null; // deleted meanwhile
                }
            } else {
                id = articles.insertIfAbsent(withAuthors, originalHtml, hash);
                if (id == 0) {
                    return null; // another feed stored it meanwhile
                }
            }
            for (String url : articleImages) {
                images.linkToArticle(id, url);
            }
            return withAuthors.withId(id);
        });
        if (stored == null) {
            return false;
        }
        indexing.acquireUninterruptibly();
        try {
            index.index(stored);
        } finally {
            indexing.release();
        }
        if (fresh.existingId() > 0) {
            LOG.info("Article {} changed in its feed and was updated", stored.id());
            return false;
        }
        return true;
    }

    /**
     * Fills a missing bio from the author's own page, fetched at most once per URL, and only when that page is on the
     * article's own site: a byline often links a social profile or another site, whose page holds no bio we can read
     * and which the user never chose to contact.
     */
    private Author completeBio(Author author, String articleUrl, Cancellation cancellation) {
        if (!isBlank(author.bio())) {
            return author;
        }
        if (isBlank(author.url())) {
            return author;
        }
        if (!sameSite(author.url(), articleUrl)) {
            LOG.debug("Author page {} not read: not on the article's site {}", author.url(), articleUrl);
            return author;
        }
        // the string checks first: the store is asked only about an author whose page may be read
        Optional<Author> known = authors.findByName(author.name());
        if (known.isPresent() && !isBlank(known.get().bio())) {
            return author;
        }
        Optional<Author> fromPage = authorPage(author, cancellation);
        return fromPage.map(p -> new Author(0, author.name(), p.bio(), author.url(),
                firstNonBlank(author.avatarUrl(), p.avatarUrl(), null))).orElse(author);
    }

    /** The author's page, read at most once per URL (a failure is tried again after {@link #AUTHOR_PAGE_RETRY}). */
    private Optional<Author> authorPage(Author author, Cancellation cancellation) {
        String url = author.url();
        CompletableFuture<Optional<Author>> mine = new CompletableFuture<>();
        AuthorPage known;
        synchronized (authorPages) {
            known = authorPages.get(url);
            if (known != null && known.retryAt() != null && !clock.instant().isBefore(known.retryAt())) {
                authorPages.remove(url);
                known = null;
            }
            if (known == null) {
                authorPages.put(url, new AuthorPage(mine, null));
            }
        }
        if (known != null) {
            try {
                return known.result().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            } catch (ExecutionException e) {
                return Optional.empty();
            }
        }
        Optional<Author> result = Optional.empty();
        Instant retryAt = null;
        boolean forget = false;
        try {
            FetchResult page = fetch(pageFetcher, url, Validators.NONE, cancellation);
            String html = PageDecoder.decode(page.body(), page.contentType());
            result = extractor.extractAuthorPage(html, page.finalUri().toString(), author.name());
        } catch (FetchException e) {
            LOG.info("Author page {} not read: {}", url, e.getMessage());
            forget = e.isLocal();
            retryAt = clock.instant().plus(AUTHOR_PAGE_RETRY);
        } catch (RuntimeException e) {
            LOG.info("Author page {} not read: {}", url, e.getMessage());
            retryAt = clock.instant().plus(AUTHOR_PAGE_RETRY);
        } finally {
            mine.complete(result);
            if (retryAt != null) {
                synchronized (authorPages) {
                    if (forget) {
                        authorPages.remove(url);
                    } else {
                        authorPages.put(url, new AuthorPage(mine, retryAt));
                    }
                }
            }
        }
        return result;
    }

    /** Author pages remembered now (for tests). */
    int authorPagesCached() {
        synchronized (authorPages) {
            return authorPages.size();
        }
    }

    /**
     * Fetches the article's missing images and the byline's avatars, storing each as soon as it arrives (so at
     * most one image per page job is in memory); returns how many were stored.
     */
    private int downloadImages(Article article, ExtractedArticle extracted, List<Author> byline,
                               Cancellation cancellation) {
        Set<String> wanted = new LinkedHashSet<>(imageUrlsOf(article, extracted));
        for (Author a : byline) {
            if (!isBlank(a.avatarUrl())) {
                wanted.add(a.avatarUrl());
            }
        }
        return storeMissingImages(new ArrayList<>(wanted).subList(0, Math.min(wanted.size(),
                MAX_IMAGES_PER_ARTICLE + byline.size())), cancellation);
    }

    /**
     * Fetches the images of these URLs not in the library yet (http and https only), within the connection
     * budget and the image size limit, storing each as soon as it arrives; returns how many were stored.
     */
    int storeMissingImages(List<String> urls, Cancellation cancellation) {
        int stored = 0;
        for (String url : urls) {
            if (cancellation.isCancelled()) {
                break;
            }
            if (!url.startsWith("http://") && !url.startsWith("https://") || images.has(url)) {
                continue;
            }
            try {
                FetchResult r = fetch(imageFetcher, url, Validators.NONE, cancellation);
                String type = ImageSniffer.sniff(r.body());
                if (type != null && ImageSniffer.isImageContentType(r.contentType())) {
                    images.put(new StoredImage(url, type, r.body()));
                    stored++;
                } else {
                    LOG.info("Skipped {}: not a supported image", url);
                }
            } catch (FetchException e) {
                LOG.info("Image {} not stored: {}", url, e.getMessage());
                if (cancellation.isCancelled()) {
                    break;
                }
            }
        }
        return stored;
    }

    static List<String> imageUrlsOf(Article article, ExtractedArticle extracted) {
        Set<String> urls = new LinkedHashSet<>();
        if (!isBlank(article.leadImageUrl())) {
            urls.add(article.leadImageUrl());
        }
        urls.addAll(extracted.imageUrls());
        return new ArrayList<>(urls).subList(0, Math.min(urls.size(), MAX_IMAGES_PER_ARTICLE));
    }

    private static ExtractedArticle mergeBody(ExtractedArticle page, ExtractedArticle feedBody) {
        return new ExtractedArticle(page.title(), page.authors(), page.published(),
                firstNonBlank(page.lang(), feedBody.lang(), null), feedBody.readingMinutes(), page.leadImageUrl(),
                page.tags(), feedBody.html(), feedBody.text(), feedBody.imageUrls(), page.siteName(),
                page.canonicalUrl());
    }

    private static String wrap(String title, String bodyHtml) {
        String t = title == null ? "" : title.replace("&", "&amp;").replace("<", "&lt;");
        return "<html><head><title>" + t + "</title></head><body><article>" + bodyHtml + "</article></body></html>";
    }

    static String contentHash(ParsedItem item) {
        String basis = String.join("\u0000", nullToEmpty(item.title()), nullToEmpty(item.url()),
                nullToEmpty(item.contentHtml()), nullToEmpty(item.summaryHtml()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(basis.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static String describe(ParsedItem item) {
        return firstNonBlank(item.url(), item.title(), "an item");
    }

    static String hostOf(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    /**
     * Whether two http(s) URLs are on the same site: the same host once a leading "www." is dropped, or hosts that
     * share their registrable part (the last two labels, three under a two-letter country code with a short second
     * level such as co.uk or com.au: news.example.com and example.com are one site, example.co.uk and other.co.uk
     * are not). An address or a single-label host must match exactly. False when either is not an http(s) URL.
     */
    static boolean sameSite(String a, String b) {
        String ha = httpHost(a);
        String hb = httpHost(b);
        if (ha == null || hb == null) {
            return false;
        }
        if (ha.equals(hb)) {
            return true;
        }
        String sa = siteOf(ha);
        return sa != null && sa.equals(siteOf(hb));
    }

    /** The lower-cased host of an http(s) URL without a leading "www.", or null. */
    private static String httpHost(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme();
            String host = u.getHost();
            if (host == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            host = host.toLowerCase(java.util.Locale.ROOT);
            if (host.endsWith(".")) {
                host = host.substring(0, host.length() - 1);
            }
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** The registrable part of a host name (see {@link #sameSite}), or null for an address or a one-label host. */
    private static String siteOf(String host) {
        if (host.startsWith("[") || host.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
            return null; // an IPv6 or IPv4 address
        }
        String[] labels = host.split("\\.");
        int n = labels.length;
        if (n < 2) {
            return null;
        }
        return String.join(".", java.util.Arrays.copyOfRange(labels, n - Hosts.registrableLabels(labels), n));
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    static String firstNonBlank(String a, String b, String c) {
        if (!isBlank(a)) {
            return a;
        }
        if (!isBlank(b)) {
            return b;
        }
        return c;
    }

    private static <T> T firstNonNull(T a, T b) {
        return a != null ? a : b;
    }
}
