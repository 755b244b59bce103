package org.cryptosec.reader.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cryptosec.reader.extract.ArticleExtractor;
import org.cryptosec.reader.extract.ExtractedArticle;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes one feed, start to end, as one plain sequential function: fetch (conditional GET) →
 * parse → for each new item: fetch its page → extract (sanitized) → author page for a missing bio →
 * images (bounded) → one SQLite transaction → Lucene. Never throws: every failure ends in the result.
 */
public final class FeedRefresher {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRefresher.class);

    /** How many of a feed's items are looked at per refresh (newest first, as feeds list them). */
    static final int MAX_ITEMS_PER_REFRESH = 100;
    static final int MAX_IMAGES_PER_ARTICLE = 12;
    static final Duration REFRESH_INTERVAL = Duration.ofHours(1);
    static final Duration MAX_BACKOFF = Duration.ofHours(24);

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
    /** Author pages already read in this process: url → bio found (or empty). */
    private final Map<String, Optional<Author>> authorPages = new ConcurrentHashMap<>();

    public FeedRefresher(Database db, FeedRepository feeds, ArticleRepository articles, AuthorRepository authors,
                         ImageRepository images, ArticleIndex index, HttpFetcher pageFetcher,
                         HttpFetcher imageFetcher, FeedParser parser, ArticleExtractor extractor, Clock clock) {
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
        Instant now = clock.instant();
        FetchResult fetched;
        ParsedFeed parsed;
        try {
            fetched = pageFetcher.fetch(feed.url(), new Validators(feed.etag(), feed.lastModified()));
            if (fetched.notModified()) {
                feeds.recordNotModified(feed.id(), now, now.plus(REFRESH_INTERVAL));
                return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.NOT_MODIFIED, 0, null,
                        List.of());
            }
            parsed = parser.parse(fetched.body(), fetched.contentType(), fetched.finalUri().toString());
        } catch (FetchException | FeedParseException e) {
            return failed(feed, now, e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure refreshing {}", feed.url(), e);
            return failed(feed, now, "unexpected error: " + e);
        }
        if (fetched.permanentRedirect() && !fetched.finalUri().toString().equals(feed.url())) {
            String newUrl = fetched.finalUri().toString();
            if (feeds.findByUrl(newUrl).isEmpty()) {
                feeds.updateUrl(feed.id(), newUrl);
                LOG.info("Feed {} moved permanently to {}", feed.url(), newUrl);
            }
        }
        String source = firstNonBlank(feed.title(), parsed.title(), hostOf(feed.url()));
        int added = 0;
        List<String> pageErrors = new ArrayList<>();
        List<ParsedItem> items = parsed.items();
        for (int i = 0; i < items.size() && i < MAX_ITEMS_PER_REFRESH; i++) {
            if (cancellation.isCancelled()) {
                break;
            }
            ParsedItem item = items.get(i);
            try {
                if (storeItem(feed, source, item, pageErrors)) {
                    added++;
                }
            } catch (RuntimeException e) {
                LOG.error("Could not store item {} of {}", item.url(), feed.url(), e);
                pageErrors.add(describe(item) + ": " + e.getMessage());
            }
        }
        index.commit();
        feeds.recordSuccess(feed.id(), fetched.etag(), fetched.lastModified(), now,
                isBlank(feed.title()) ? parsed.title() : null,
                isBlank(feed.siteUrl()) ? parsed.siteUrl() : null, now.plus(REFRESH_INTERVAL));
        return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.OK, added, null, pageErrors);
    }

    private FeedRefreshResult failed(Feed feed, Instant now, String message) {
        String error = message == null || message.isBlank() ? "unknown error" : message;
        long backoffMinutes = Math.min(MAX_BACKOFF.toMinutes(), 5L << Math.min(feed.errorCount(), 10));
        feeds.recordError(feed.id(), error, now, now.plus(Duration.ofMinutes(backoffMinutes)));
        LOG.warn("Feed {} failed: {}", feed.url(), error);
        return new FeedRefreshResult(feed.id(), feed.url(), FeedRefreshResult.Status.ERROR, 0, error, List.of());
    }

    /** Stores one item if it is new; returns true when an article was added. */
    private boolean storeItem(Feed feed, String source, ParsedItem item, List<String> pageErrors) {
        String guid = firstNonBlank(item.guid(), item.url(), null);
        String hash = contentHash(item);
        if (guid != null && articles.existsByGuid(feed.id(), guid)) {
            return false;
        }
        if (item.url() != null && articles.existsByUrl(item.url())) {
            return false;
        }
        if (articles.existsByContentHash(hash)) {
            return false;
        }
        if (guid == null) {
            guid = hash;
        }
        String pageHtml = null;
        String pageUrl = item.url();
        if (item.url() != null) {
            try {
                FetchResult page = pageFetcher.fetch(item.url());
                pageHtml = PageDecoder.decode(page.body(), page.contentType());
                pageUrl = page.finalUri().toString();
            } catch (FetchException e) {
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
        List<Author> withBios = byline.stream().map(this::completeBio).toList();
        Article article = new Article(0, feed.id(), guid, firstNonBlank(item.url(), pageUrl, null),
                firstNonBlank(extracted.title(), item.title(), "(untitled)"),
                source, List.of(), firstNonNull(extracted.published(), item.published()),
                extracted.lang(), extracted.readingMinutes(),
                firstNonBlank(extracted.leadImageUrl(), item.imageUrl(), null),
                extracted.tags().isEmpty() ? item.categories() : extracted.tags(),
                extracted.html(), extracted.text(), clock.instant());
        List<StoredImage> downloaded = downloadImages(article, extracted, withBios);
        List<String> articleImages = imageUrlsOf(article, extracted);
        String originalHtml = pageHtml;
        Article stored = db.inTransaction(() -> {
            List<Author> storedAuthors = new ArrayList<>();
            for (Author a : withBios) {
                storedAuthors.add(authors.upsert(a));
            }
            Article withAuthors = article.withAuthors(storedAuthors);
            long id = articles.insert(withAuthors, originalHtml, hash);
            for (StoredImage image : downloaded) {
                images.put(image);
            }
            for (String url : articleImages) {
                images.linkToArticle(id, url);
            }
            return withAuthors.withId(id);
        });
        index.index(stored);
        return true;
    }

    /** Fills a missing bio from the author's own page, fetched at most once per URL. */
    private Author completeBio(Author author) {
        if (!isBlank(author.bio())) {
            return author;
        }
        Optional<Author> known = authors.findByName(author.name());
        if (known.isPresent() && !isBlank(known.get().bio())) {
            return author;
        }
        if (isBlank(author.url())) {
            return author;
        }
        Optional<Author> fromPage = authorPages.computeIfAbsent(author.url(), url -> {
            try {
                FetchResult page = pageFetcher.fetch(url);
                String html = PageDecoder.decode(page.body(), page.contentType());
                return extractor.extractAuthorPage(html, page.finalUri().toString(), author.name());
            } catch (FetchException | RuntimeException e) {
                LOG.info("Author page {} not read: {}", url, e.getMessage());
                return Optional.empty();
            }
        });
        return fromPage.map(p -> new Author(0, author.name(), p.bio(), author.url(),
                firstNonBlank(author.avatarUrl(), p.avatarUrl(), null))).orElse(author);
    }

    private List<StoredImage> downloadImages(Article article, ExtractedArticle extracted, List<Author> byline) {
        Set<String> wanted = new LinkedHashSet<>(imageUrlsOf(article, extracted));
        for (Author a : byline) {
            if (!isBlank(a.avatarUrl())) {
                wanted.add(a.avatarUrl());
            }
        }
        List<StoredImage> result = new ArrayList<>();
        int tried = 0;
        for (String url : wanted) {
            if (tried++ >= MAX_IMAGES_PER_ARTICLE + byline.size()) {
                break;
            }
            if (!url.startsWith("http://") && !url.startsWith("https://") || images.has(url)) {
                continue;
            }
            try {
                FetchResult r = imageFetcher.fetch(url);
                String type = ImageSniffer.sniff(r.body());
                if (type != null && ImageSniffer.isImageContentType(r.contentType())) {
                    result.add(new StoredImage(url, type, r.body()));
                } else {
                    LOG.info("Skipped {}: not a supported image", url);
                }
            } catch (FetchException e) {
                LOG.info("Image {} not stored: {}", url, e.getMessage());
            }
        }
        return result;
    }

    private static List<String> imageUrlsOf(Article article, ExtractedArticle extracted) {
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
