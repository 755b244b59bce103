package org.cryptosec.reader.feed;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.cryptosec.reader.net.FetchException;
import org.cryptosec.reader.net.FetchResult;
import org.cryptosec.reader.net.HttpFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a feed URL or a site URL into the site's main feed: the URL itself when it is a feed; else the page's
 * {@code <link rel="alternate">} feeds (main feed before comment feeds); else the usual paths on the site.
 */
public final class FeedDiscovery {

    private static final Logger LOG = LoggerFactory.getLogger(FeedDiscovery.class);

    /** Paths tried on the site when a page names no feed, in this order. */
    public static final List<String> COMMON_PATHS = List.of(
            "/feed/", "/feed", "/rss", "/rss.xml", "/atom.xml", "/index.xml", "/feed.xml", "/?feed=rss2");

    private static final int MAX_LINKED_CANDIDATES = 5;

    private final HttpFetcher fetcher;
    private final FeedParser parser;

    public FeedDiscovery(HttpFetcher fetcher, FeedParser parser) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    public DiscoveredFeed discover(String url) throws FeedDiscoveryException {
        String start = normalizeInput(url);
        FetchResult page;
        try {
            page = fetcher.fetch(start);
        } catch (FetchException e) {
            throw new FeedDiscoveryException("could not fetch " + start + ": " + e.getMessage(), e);
        }
        String pageUrl = page.finalUri().toString();
        Set<String> tried = new LinkedHashSet<>();
        tried.add(pageUrl);

        FeedParseException direct;
        try {
            return found(page, parser.parse(page.body(), page.contentType(), pageUrl), null);
        } catch (FeedParseException e) {
            direct = e;
        }

        String html = FeedText.decodeOwn(page.body(), page.declaredCharset());
        List<FeedLinkScanner.FeedLink> links = FeedLinkScanner.scan(html, pageUrl);
        List<String> linkFailures = new ArrayList<>();
        int candidates = 0;
        for (FeedLinkScanner.FeedLink link : links) {
            if (candidates++ >= MAX_LINKED_CANDIDATES) {
                break;
            }
            if (!tried.add(link.url())) {
                continue;
            }
            try {
                return tryFeed(link.url(), pageUrl);
            } catch (FetchException | FeedParseException e) {
                LOG.debug("linked feed {} failed: {}", link.url(), e.getMessage());
                linkFailures.add(link.url() + ": " + e.getMessage());
            }
        }

        URI origin = origin(page.finalUri());
        List<String> pathsTried = new ArrayList<>();
        for (String path : candidatePaths(page.finalUri())) {
            String candidate = origin.resolve(path).toString();
            pathsTried.add(path);
            if (!tried.add(candidate)) {
                continue;
            }
            try {
                return tryFeed(candidate, pageUrl);
            } catch (FetchException e) {
                LOG.debug("common path {} failed: {}", candidate, e.getMessage());
                if (e.kind() == FetchException.Kind.TIMEOUT || e.kind() == FetchException.Kind.CONNECTION
                        || e.kind() == FetchException.Kind.TLS || e.kind() == FetchException.Kind.INTERRUPTED) {
                    break; // the site stopped answering: trying more paths only makes the user wait
                }
            } catch (FeedParseException e) {
                LOG.debug("common path {} is no feed: {}", candidate, e.getMessage());
            }
        }

        StringBuilder reason = new StringBuilder("no feed found at ").append(pageUrl);
        if (!linkFailures.isEmpty()) {
            reason.append(": the page links to ").append(linkFailures.size() == 1 ? "a feed" : "feeds")
                    .append(" that could not be read (").append(String.join("; ", linkFailures)).append(")");
        } else if (!direct.getMessage().startsWith("not a feed: the server sent an HTML page")) {
            reason.append(": ").append(direct.getMessage());
        }
        reason.append(" (tried ").append(String.join(", ", pathsTried)).append(")");
        throw new FeedDiscoveryException(reason.toString(), direct);
    }

    private DiscoveredFeed tryFeed(String url, String pageUrl) throws FetchException, FeedParseException {
        FetchResult result = fetcher.fetch(url);
        return found(result, parser.parse(result.body(), result.contentType(), result.finalUri().toString()), pageUrl);
    }

    private static DiscoveredFeed found(FetchResult result, ParsedFeed feed, String pageUrl) {
        // a temporary redirect (tracking, load balancing) is not where the feed lives: keep the URL asked for
        URI feedUri = result.permanentRedirect() || result.requestedUri() == null ? result.finalUri() : result.requestedUri();
        String siteUrl = feed.siteUrl() != null ? feed.siteUrl()
                : pageUrl != null ? pageUrl : origin(result.finalUri()).toString();
        String title = feed.title() != null ? feed.title() : URI.create(siteUrl).getHost();
        return new DiscoveredFeed(feedUri.toString(), title, siteUrl, feed);
    }

    /** Root paths, plus "feed/" under the page's own folder when the page is not at the root (blogs in /blog/). */
    private static List<String> candidatePaths(URI page) {
        List<String> paths = new ArrayList<>();
        String path = page.getRawPath();
        if (path != null && path.length() > 1) {
            String folder = path.endsWith("/") ? path : path.substring(0, path.lastIndexOf('/') + 1);
            if (folder.length() > 1) {
                paths.add(folder + "feed/");
            }
        }
        paths.addAll(COMMON_PATHS);
        return paths;
    }

    private static URI origin(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/");
    }

    /** Accepts what people paste: bare host names, feed:// URLs, surrounding white space. */
    static String normalizeInput(String url) throws FeedDiscoveryException {
        if (url == null || url.isBlank()) {
            throw new FeedDiscoveryException("no URL given", null);
        }
        String u = url.strip();
        String lower = u.toLowerCase(Locale.ROOT);
        if (lower.startsWith("feed://")) {
            u = "https://" + u.substring("feed://".length());
        } else if (lower.startsWith("feed:http")) {
            u = u.substring("feed:".length());
        } else if (!lower.contains("://") && !lower.matches("^[a-z][a-z0-9+.-]*:[^0-9].*")) {
            u = "https://" + u; // "example.com/blog" or "example.com:8080"
        }
        return u;
    }
}
