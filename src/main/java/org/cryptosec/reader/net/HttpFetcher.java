package org.cryptosec.reader.net;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The only HTTP client of the app: limits, manual redirects, gzip/deflate, conditional GET. Thread-safe. */
public final class HttpFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(HttpFetcher.class);

    private static final Map<Integer, String> REASONS = Map.ofEntries(
            Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"), Map.entry(402, "Payment Required"),
            Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
            Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"),
            Map.entry(408, "Request Timeout"), Map.entry(409, "Conflict"), Map.entry(410, "Gone"),
            Map.entry(411, "Length Required"), Map.entry(412, "Precondition Failed"),
            Map.entry(413, "Content Too Large"), Map.entry(414, "URI Too Long"),
            Map.entry(415, "Unsupported Media Type"), Map.entry(416, "Range Not Satisfiable"),
            Map.entry(418, "I'm a teapot"), Map.entry(421, "Misdirected Request"),
            Map.entry(422, "Unprocessable Content"), Map.entry(423, "Locked"), Map.entry(425, "Too Early"),
            Map.entry(426, "Upgrade Required"), Map.entry(428, "Precondition Required"),
            Map.entry(429, "Too Many Requests"), Map.entry(431, "Request Header Fields Too Large"),
            Map.entry(451, "Unavailable For Legal Reasons"), Map.entry(500, "Internal Server Error"),
            Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Gateway Timeout"), Map.entry(505, "HTTP Version Not Supported"),
            Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
            Map.entry(303, "See Other"), Map.entry(305, "Use Proxy"), Map.entry(307, "Temporary Redirect"),
            Map.entry(308, "Permanent Redirect"), Map.entry(100, "Continue"), Map.entry(101, "Switching Protocols"));

    /** A body past this size is large: it then draws on the fetcher's byte budget as it grows. */
    static final int LARGE_BODY_BYTES = 1 << 20;
    /** Bytes all large bodies being read at once may hold, per fetcher (at least one body at the size limit). */
    static final long LARGE_BODY_BUDGET = 24L << 20;
    private static final int KB = 1024;

    private final FetchLimits limits;
    private final HttpClient client;
    /**
     * Bounds the memory of many parallel fetches, in KB: small bodies go at once; a large one takes what it
     * holds from here as it grows, waiting at most until its own deadline (then {@link FetchException.Kind#NO_CAPACITY}).
     * A body that trickles holds only what it has read, so slow servers cannot lock out other large downloads.
     */
    private final java.util.concurrent.Semaphore largeBodyBudget;
    private final int largeBodyBudgetKb;
    private final java.util.concurrent.atomic.AtomicLong largeBytesHeld = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong largeBytesPeak = new java.util.concurrent.atomic.AtomicLong();

    public HttpFetcher(FetchLimits limits) {
        this(limits, LARGE_BODY_BUDGET);
    }

    /** With {@code largeBodyBudget} bytes for large bodies read at once (raised to the body limit when lower). */
    public HttpFetcher(FetchLimits limits, long largeBodyBudget) {
        this.limits = Objects.requireNonNull(limits, "limits");
        if (limits.maxBytes() <= 0 || limits.maxRedirects() < 0 || limits.connectTimeout() == null
                || limits.requestTimeout() == null || limits.connectTimeout().isNegative()
                || limits.connectTimeout().isZero() || limits.requestTimeout().isNegative()
                || limits.requestTimeout().isZero()) {
            throw new IllegalArgumentException("invalid fetch limits: " + limits);
        }
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(limits.connectTimeout());
        ProxySelector proxy = ProxySelector.getDefault();
        if (proxy != null) {
            builder.proxy(proxy);
        }
        this.client = builder.build();
        long budget = Math.max(largeBodyBudget, limits.maxBytes());
        this.largeBodyBudgetKb = (int) Math.min(Integer.MAX_VALUE, (budget + KB - 1) / KB);
        this.largeBodyBudget = new java.util.concurrent.Semaphore(largeBodyBudgetKb, true);
    }

    public FetchLimits limits() {
        return limits;
    }

    public FetchResult fetch(String url, Validators validators) throws FetchException {
        Validators v = validators == null ? Validators.NONE : validators;
        URI requested = parseUrl(url);
        long start = System.nanoTime();
        long deadline = start + limits.requestTimeout().toNanos();
        URI current = requested;
        Set<URI> visited = new LinkedHashSet<>();
        visited.add(current);
        boolean permanent = true;
        int redirects = 0;
        while (true) {
            HttpResponse<InputStream> response = send(current, v, deadline);
            int status = response.statusCode();
            HttpHeaders headers = response.headers();
            if (isRedirect(status) && headers.firstValue("Location").isPresent()) {
                closeQuietly(response.body());
                String location = headers.firstValue("Location").get().trim();
                URI next = resolveRedirect(current, location);
                if (visited.contains(next)) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, 0,
                            "redirect loop: " + next + " redirects back to itself", null);
                }
                redirects++;
                if (redirects > limits.maxRedirects()) {
                    throw new FetchException(FetchException.Kind.TOO_MANY_REDIRECTS, 0,
                            "more than " + limits.maxRedirects() + " redirects (last to " + next + ")", null);
                }
                permanent &= status == 301 || status == 308;
                visited.add(next);
                LOG.debug("{} redirects to {}", current, next);
                current = next;
                continue;
            }
            boolean wasRedirected = redirects > 0;
            String contentType = headers.firstValue("Content-Type").orElse(null);
            String etag = headers.firstValue("ETag").orElse(null);
            String lastModified = headers.firstValue("Last-Modified").orElse(null);
            if (status == 304) {
                closeQuietly(response.body());
                return new FetchResult(requested, current, status, true, new byte[0], contentType,
                        etag != null ? etag : v.etag(), lastModified != null ? lastModified : v.lastModified(),
                        wasRedirected && permanent, headers.map());
            }
            if (status < 200 || status > 299) {
                closeQuietly(response.body());
                String reason = REASONS.get(status);
                java.time.Duration retryAfter = status == 429 || status == 503
                        ? HttpDates.retryAfter(headers.map(), java.time.Instant.now()) : null;
                throw new FetchException(FetchException.Kind.HTTP_STATUS, status,
                        "HTTP " + status + (reason != null ? " " + reason : "")
                                + (retryAfter != null ? " (retry after " + retryAfter.toSeconds() + " s)" : ""),
                        null, retryAfter);
            }
            byte[] body = readBody(response, deadline);
            return new FetchResult(requested, current, status, false, body, contentType, etag, lastModified,
                    wasRedirected && permanent, headers.map());
        }
    }

    public FetchResult fetch(String url) throws FetchException {
        return fetch(url, Validators.NONE);
    }

    // ---------------------------------------------------------------- request

    private HttpResponse<InputStream> send(URI uri, Validators v, long deadline) throws FetchException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(null);
        }
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(uri)
                    .GET()
                    .timeout(Duration.ofNanos(remaining))
                    .header("User-Agent", limits.userAgent() == null ? "CryptosecReader" : limits.userAgent())
                    .header("Accept-Encoding", "gzip, deflate")
                    .header("Accept", "text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, "
                            + "application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.8");
            if (v.etag() != null && !v.etag().isBlank()) {
                request.header("If-None-Match", v.etag().trim());
            }
            if (v.lastModified() != null && !v.lastModified().isBlank()) {
                request.header("If-Modified-Since", v.lastModified().trim());
            }
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0,
                    "invalid URL or request header for " + uri + ": " + e.getMessage(), e);
        }
        try {
            return client.send(request.build(), info -> new DeadlineBodySubscriber(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, 0, "interrupted while fetching " + uri, e);
        } catch (IOException e) {
            throw networkError(uri, e);
        } catch (IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0, "invalid URL " + uri + ": " + e.getMessage(), e);
        }
    }

    private FetchException networkError(URI uri, IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.Kind.TIMEOUT, 0,
                    "could not connect to " + uri.getHost() + ": timed out after " + seconds(limits.connectTimeout()), e);
        }
        if (e instanceof HttpTimeoutException || e instanceof DeadlineBodySubscriber.DeadlineExceededException) {
            return timeout(e);
        }
        if (e instanceof InterruptedIOException && Thread.currentThread().isInterrupted()) {
            return new FetchException(FetchException.Kind.INTERRUPTED, 0, "interrupted while fetching " + uri, e);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return new FetchException(FetchException.Kind.TLS, 0,
                        "secure connection (TLS) to " + uri.getHost() + " failed: " + t.getMessage(), e);
            }
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return new FetchException(FetchException.Kind.CONNECTION, 0, "unknown host " + uri.getHost(), e);
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new FetchException(FetchException.Kind.CONNECTION, 0,
                        "connection refused by " + hostPort(uri), e);
            }
        }
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (msg.contains("reset")) {
            return new FetchException(FetchException.Kind.CONNECTION, 0, "connection reset by " + hostPort(uri), e);
        }
        if (msg.contains("eof") || msg.contains("closed") || msg.contains("no bytes")) {
            return new FetchException(FetchException.Kind.CONNECTION, 0,
                    "connection closed by " + hostPort(uri) + " before the response was complete", e);
        }
        return new FetchException(FetchException.Kind.CONNECTION, 0,
                "network error talking to " + hostPort(uri) + ": " + e.getMessage(), e);
    }

    private FetchException timeout(Throwable cause) {
        return new FetchException(FetchException.Kind.TIMEOUT, 0, "timed out after " + seconds(limits.requestTimeout()),
                cause);
    }

    // ---------------------------------------------------------------- body

    private byte[] readBody(HttpResponse<InputStream> response, long deadline) throws FetchException {
        URI uri = response.uri();
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity")
                .trim().toLowerCase(Locale.ROOT);
        long declaredLength = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
        InputStream raw = response.body();
        boolean identity = encoding.isEmpty() || encoding.equals("identity");
        if (identity && declaredLength > limits.maxBytes()) {
            closeQuietly(raw);
            throw tooLarge();
        }
        long total = 0;
        int heldKb = 0;
        try (InputStream in = decoder(raw, encoding, uri)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(
                    (int) Math.min(Math.max(declaredLength, 8192), Math.min(limits.maxBytes(), 1 << 20)));
            byte[] buffer = new byte[16384];
            while (true) {
                if (System.nanoTime() - deadline > 0) {
                    throw timeout(null);
                }
                int n = in.read(buffer);
                if (n < 0) {
                    break;
                }
                total += n;
                if (total > limits.maxBytes()) {
                    throw tooLarge();
                }
                if (total > LARGE_BODY_BYTES) {
                    // a declared length is reserved whole at once (all or nothing, so bodies never wait on each
                    // other half-read); otherwise the body takes what it reads as it grows
                    long wanted = identity && declaredLength > total ? declaredLength : total;
                    int neededKb = (int) Math.min(largeBodyBudgetKb, (wanted + KB - 1) / KB);
                    if (neededKb > heldKb) {
                        awaitLargeBodyBudget(neededKb - heldKb, heldKb > 0, deadline, uri, total);
                        heldKb = neededKb;
                    }
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (FetchException e) {
            throw e;
        } catch (DeadlineBodySubscriber.DeadlineExceededException e) {
            throw timeout(e);
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, 0, "interrupted while fetching " + uri, e);
        } catch (EOFException e) {
            throw new FetchException(FetchException.Kind.CONNECTION, 0,
                    "connection closed by " + hostPort(uri) + " before the body was complete (" + total
                            + " bytes read)", e);
        } catch (ZipException e) {
            throw new FetchException(FetchException.Kind.CONNECTION, 0,
                    "corrupt " + encoding + " body from " + hostPort(uri) + ": " + e.getMessage(), e);
        } catch (IOException e) {
            FetchException mapped = networkError(uri, e);
            if (mapped.kind() == FetchException.Kind.CONNECTION && !(e.getCause() instanceof SSLException)) {
                return rethrowTruncated(uri, total, e);
            }
            throw mapped;
        } finally {
            if (heldKb > 0) {
                largeBytesHeld.addAndGet(-(long) heldKb * KB);
                largeBodyBudget.release(heldKb);
            }
        }
    }

    /** Takes {@code kb} more of the large-body budget, waiting at most until the deadline. */
    private void awaitLargeBodyBudget(int kb, boolean growing, long deadline, URI uri, long total) throws FetchException {
        try {
            // a body already holding budget goes ahead of newcomers when there is room (it finishes, and frees it)
            // the wait is at most half the request time: with no room soon, give up early (not the server's fault)
            long wait = Math.min(deadline - System.nanoTime(), limits.requestTimeout().toNanos() / 2);
            if (!(growing && largeBodyBudget.tryAcquire(kb)) && !largeBodyBudget.tryAcquire(kb,
                    Math.max(0, wait), java.util.concurrent.TimeUnit.NANOSECONDS)) {
                throw new FetchException(FetchException.Kind.NO_CAPACITY, 0, "no memory free here to read the rest of "
                        + uri + " (" + size(total) + " read) before its deadline: other large downloads hold "
                        + size((long) largeBodyBudgetKb * KB), null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.Kind.INTERRUPTED, 0, "interrupted while waiting to read a large body", e);
        }
        long held = largeBytesHeld.addAndGet((long) kb * KB);
        largeBytesPeak.accumulateAndGet(held, Math::max);
    }

    /** Bytes of large bodies held right now (a gauge; tests wait on it). */
    public long largeBodyBytesHeld() {
        return largeBytesHeld.get();
    }

    /** The most bytes of large bodies held at once so far (for tests). */
    long largeBodyBytesPeak() {
        return largeBytesPeak.get();
    }

    /** The large-body budget in bytes (for tests). */
    long largeBodyBudget() {
        return (long) largeBodyBudgetKb * KB;
    }

    private byte[] rethrowTruncated(URI uri, long total, IOException e) throws FetchException {
        String msg = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        String what = msg.contains("reset") ? "connection reset by " : "connection closed by ";
        throw new FetchException(FetchException.Kind.CONNECTION, 0,
                what + hostPort(uri) + " before the body was complete (" + total + " bytes read)", e);
    }

    private InputStream decoder(InputStream raw, String encoding, URI uri) throws IOException {
        switch (encoding) {
            case "", "identity":
                return raw;
            case "gzip", "x-gzip": {
                BufferedInputStream in = new BufferedInputStream(raw, 8192);
                in.mark(2);
                int b0 = in.read();
                int b1 = in.read();
                in.reset();
                if (b0 == 0x1f && b1 == 0x8b) {
                    return new GZIPInputStream(in, 8192);
                }
                LOG.debug("{} says gzip but the body is not gzip; reading it as is", uri);
                return in;
            }
            case "deflate": {
                BufferedInputStream in = new BufferedInputStream(raw, 8192);
                in.mark(2);
                int b0 = in.read();
                int b1 = in.read();
                in.reset();
                // RFC 9110 deflate is zlib-wrapped; some servers send raw deflate
                boolean zlib = b0 >= 0 && b1 >= 0 && (b0 & 0x0f) == 8 && ((b0 << 8) | b1) % 31 == 0;
                return new InflaterInputStream(in, new Inflater(!zlib), 8192);
            }
            default:
                closeQuietly(raw);
                throw new FetchException(FetchException.Kind.CONNECTION, 0,
                        "the server sent an unsupported Content-Encoding \"" + encoding + "\"", null);
        }
    }

    private FetchException tooLarge() {
        return new FetchException(FetchException.Kind.TOO_LARGE, 0, "body larger than " + size(limits.maxBytes()), null);
    }

    // ---------------------------------------------------------------- URLs

    static URI parseUrl(String url) throws FetchException {
        if (url == null || url.isBlank()) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0, "invalid URL: empty", null);
        }
        String trimmed = url.strip();
        URI uri;
        try {
            uri = new URI(trimmed.replace(" ", "%20"));
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0,
                    "invalid URL \"" + abbreviate(trimmed) + "\": " + e.getReason(), e);
        }
        return checkHttp(uri, "invalid URL \"" + abbreviate(trimmed) + "\"");
    }

    private static URI checkHttp(URI uri, String prefix) throws FetchException {
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme == null) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0, prefix + ": it does not start with http:// or https://", null);
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0,
                    prefix + ": only http and https are supported, not " + scheme, null);
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0, prefix + ": no host name", null);
        }
        try {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            // the fragment is never sent; dropping it also makes loop detection exact
            return new URI(scheme + "://" + uri.getRawAuthority() + path
                    + (uri.getRawQuery() != null ? "?" + uri.getRawQuery() : ""));
        } catch (URISyntaxException e) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0, prefix + ": " + e.getReason(), e);
        }
    }

    private static URI resolveRedirect(URI base, String location) throws FetchException {
        if (location.isEmpty()) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0, "redirect from " + base + " has an empty Location", null);
        }
        try {
            URI target = new URI(location.replace(" ", "%20"));
            return checkHttp(base.resolve(target), "redirect from " + base + " to an invalid URL \"" + abbreviate(location) + "\"");
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.Kind.INVALID_URL, 0,
                    "redirect from " + base + " to an invalid URL \"" + abbreviate(location) + "\"", e);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    // ---------------------------------------------------------------- helpers

    private static void closeQuietly(InputStream in) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException ignored) {
            // nothing to do: the exchange is abandoned anyway
        }
    }

    private static String hostPort(URI uri) {
        return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** "30 s", "1.5 s", "250 ms". */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms % 1000 == 0) {
            return (ms / 1000) + " s";
        }
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** "10 MB", "512 KB", "300 bytes". */
    static String size(long bytes) {
        if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
            return (bytes / (1024 * 1024)) + " MB";
        }
        if (bytes >= 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return (bytes / 1024) + " KB";
        }
        return bytes + " bytes";
    }
}
