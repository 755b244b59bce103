package org.cryptosec.reader.service.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A news network on loopback for the refresh benchmark: {@code feeds} RSS feeds of {@code items} items
 * each, spread round robin over up to {@link #HOSTS} hosts (127.0.0.2, 127.0.0.3, ... — Linux routes all of
 * 127/8 to the loopback interface), with an article page per item (byline, paragraphs, a lead image
 * shared per host). Every answer is delayed by {@code latencyMs} without holding a thread during the
 * wait. Feeds carry an ETag and Last-Modified and answer 304 to a matching conditional GET.
 *
 * <p>When 127.0.0.2 cannot be bound (another OS), it falls back to 127.0.0.1 with one port per host;
 * {@link #distinctHosts()} then says 1 and the per-host limits apply to everything at once.
 */
public final class SyntheticNewsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyntheticNewsServer.class);

    public static final int HOSTS = 20;
    static final String ETAG_PREFIX = "\"bench-feed-";
    static final String LAST_MODIFIED = "Mon, 23 Nov 2026 12:00:00 GMT";
    /** A 1×1 PNG. */
    static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static final String[] FIRST = {"Anna", "Bram", "Chloe", "Daan", "Eva", "Finn", "Grace", "Hugo", "Iris",
        "Jasper", "Kim", "Lars", "Mila", "Noah", "Olivia", "Pieter"};
    private static final String[] LAST = {"de Vries", "Jansen", "Smith", "Bakker", "Visser", "Meijer", "Brown",
        "Mulder", "de Boer", "Peters"};
    private static final String[] TOPIC = {"exchange hack", "bridge exploit", "phishing wave", "rug pull",
        "sanctioned mixer", "wallet drainer", "flash loan attack", "ransomware payment"};

    private final int feeds;
    private final int items;
    private final long latencyMs;
    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> bases = new ArrayList<>();
    private final PooledTaskExecutor pool;
    private final Executor delayed;
    private final boolean distinctAddresses;
    private final AtomicInteger feedOk = new AtomicInteger();
    private final AtomicInteger feedNotModified = new AtomicInteger();
    private final AtomicInteger pages = new AtomicInteger();
    private final AtomicInteger other = new AtomicInteger();

    /** Starts the servers. */
    public SyntheticNewsServer(int feeds, int items, long latencyMs) throws IOException {
        if (feeds < 1 || items < 0 || latencyMs < 0) {
            throw new IllegalArgumentException("feeds must be >= 1, items and latency >= 0");
        }
        this.feeds = feeds;
        this.items = items;
        this.latencyMs = latencyMs;
        this.pool = new PooledTaskExecutor(8);
        Executor direct = job -> pool.execute(() -> {
            job.run();
            return null;
        });
        this.delayed = latencyMs == 0 ? direct : CompletableFuture.delayedExecutor(latencyMs, TimeUnit.MILLISECONDS, direct);
        int hosts = Math.min(HOSTS, feeds);
        boolean distinct = true;
        try {
            for (int h = 0; h < hosts; h++) {
                InetAddress address = distinct ? InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) (2 + h)})
                        : InetAddress.getLoopbackAddress();
                HttpServer server;
                try {
                    server = HttpServer.create(new InetSocketAddress(address, 0), 1024);
                } catch (IOException e) {
                    if (!distinct || h > 0) {
                        throw e;
                    }
                    LOG.warn("Cannot bind {} ({}): all hosts fall back to 127.0.0.1 on separate ports", address, e.getMessage());
                    distinct = false;
                    address = InetAddress.getLoopbackAddress();
                    server = HttpServer.create(new InetSocketAddress(address, 0), 1024);
                }
                server.setExecutor(direct);
                server.createContext("/", this::handle);
                server.start();
                servers.add(server);
                bases.add("http://" + address.getHostAddress() + ":" + server.getAddress().getPort());
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        this.distinctAddresses = distinct;
    }

    /** The feed URLs, feed i on host i mod hosts. */
    public List<String> feedUrls() {
        List<String> urls = new ArrayList<>(feeds);
        for (int i = 0; i < feeds; i++) {
            urls.add(bases.get(i % bases.size()) + "/feeds/" + i + ".xml");
        }
        return urls;
    }

    /** Number of distinct host names the feeds are on (1 after the fallback). */
    public int distinctHosts() {
        return distinctAddresses ? bases.size() : 1;
    }

    public int feedOkCount() {
        return feedOk.get();
    }

    public int feedNotModifiedCount() {
        return feedNotModified.get();
    }

    public int pageCount() {
        return pages.get();
    }

    /** Requests for anything but feeds and pages (images, unknown paths). */
    public int otherCount() {
        return other.get();
    }

    public void resetCounts() {
        feedOk.set(0);
        feedNotModified.set(0);
        pages.set(0);
        other.set(0);
    }

    private void handle(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String base = "http://" + exchange.getLocalAddress().getAddress().getHostAddress() + ":"
                + exchange.getLocalAddress().getPort();
        int status;
        String type;
        byte[] body;
        try {
            if (path.startsWith("/feeds/") && path.endsWith(".xml")) {
                int feed = Integer.parseInt(path.substring("/feeds/".length(), path.length() - 4));
                String etag = ETAG_PREFIX + feed + "\"";
                exchange.getResponseHeaders().set("ETag", etag);
                exchange.getResponseHeaders().set("Last-Modified", LAST_MODIFIED);
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    feedNotModified.incrementAndGet();
                    status = 304;
                    type = null;
                    body = new byte[0];
                } else {
                    feedOk.incrementAndGet();
                    status = 200;
                    type = "application/rss+xml; charset=UTF-8";
                    body = rss(base, feed).getBytes(StandardCharsets.UTF_8);
                }
            } else if (path.startsWith("/articles/") && path.endsWith(".html")) {
                String[] parts = path.substring("/articles/".length(), path.length() - 5).split("-");
                pages.incrementAndGet();
                status = 200;
                type = "text/html; charset=UTF-8";
                body = page(base, Integer.parseInt(parts[0]), Integer.parseInt(parts[1])).getBytes(StandardCharsets.UTF_8);
            } else if (path.equals("/img/lead.png")) {
                other.incrementAndGet();
                status = 200;
                type = "image/png";
                body = PNG;
            } else {
                other.incrementAndGet();
                status = 404;
                type = "text/plain";
                body = "not found".getBytes(StandardCharsets.UTF_8);
            }
        } catch (RuntimeException e) {
            other.incrementAndGet();
            status = 400;
            type = "text/plain";
            body = ("bad request: " + e.getMessage()).getBytes(StandardCharsets.UTF_8);
        }
        int s = status;
        String t = type;
        byte[] b = body;
        delayed.execute(() -> respond(exchange, s, t, b));
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) {
        try (exchange) {
            if (type != null) {
                exchange.getResponseHeaders().set("Content-Type", type);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            LOG.debug("Benchmark client went away: {}", e.getMessage());
        }
    }

    String rss(String base, int feed) {
        StringBuilder sb = new StringBuilder(512 + items * 400);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\" ")
                .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>")
                .append("<title>Bench Security News ").append(feed).append("</title>")
                .append("<link>").append(base).append("/</link><description>Synthetic feed</description>");
        for (int j = 0; j < items; j++) {
            String url = base + "/articles/" + feed + "-" + j + ".html";
            sb.append("<item><title>").append(title(feed, j)).append("</title><link>").append(url)
                    .append("</link><guid isPermaLink=\"true\">").append(url).append("</guid>")
                    .append("<dc:creator>").append(author(feed, j)).append("</dc:creator>")
                    .append("<pubDate>").append(pubDate(j)).append("</pubDate>")
                    .append("<description>").append("A short summary of the ").append(topic(feed, j))
                    .append(" reported by ").append(author(feed, j)).append(".</description></item>");
        }
        return sb.append("</channel></rss>").toString();
    }

    String page(String base, int feed, int item) {
        String title = title(feed, item);
        String author = author(feed, item);
        String topic = topic(feed, item);
        StringBuilder sb = new StringBuilder(4096);
        sb.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(title)
                .append(" | Bench Security News</title><meta name=\"author\" content=\"").append(author)
                .append("\"><meta property=\"og:title\" content=\"").append(title)
                .append("\"><meta property=\"og:image\" content=\"").append(base).append("/img/lead.png\">")
                .append("<meta property=\"article:published_time\" content=\"2026-11-").append(10 + item % 18)
                .append("T09:00:00Z\"></head><body><header><nav><a href=\"/\">Home</a> <a href=\"/markets\">Markets</a>")
                .append("</nav></header><main><article><h1>").append(title).append("</h1>")
                .append("<p class=\"byline\">By <span class=\"author\">").append(author).append("</span></p>")
                .append("<figure><img src=\"").append(base).append("/img/lead.png\" alt=\"lead\" width=\"800\" height=\"450\">")
                .append("<figcaption>Illustration</figcaption></figure>");
        for (int p = 0; p < 5; p++) {
            sb.append("<p>In paragraph ").append(p + 1).append(" of story ").append(feed).append('-').append(item)
                    .append(", investigators tracing the ").append(topic)
                    .append(" followed the stolen funds through a chain of intermediary wallets, cross-chain bridges")
                    .append(" and a mixing service before part of them reached a centralised exchange, where compliance")
                    .append(" staff froze the deposits and asked the sender to explain where the coins came from.</p>");
        }
        sb.append("</article><aside><h3>Related</h3><ul><li><a href=\"/articles/").append(feed).append("-0.html\">")
                .append(title(feed, 0)).append("</a></li></ul></aside></main><footer>© Bench Security News</footer>")
                .append("</body></html>");
        return sb.toString();
    }

    private static String title(int feed, int item) {
        return "Story " + feed + "-" + item + ": " + topic(feed, item) + " under investigation";
    }

    private static String topic(int feed, int item) {
        return TOPIC[(feed * 7 + item) % TOPIC.length];
    }

    private static String author(int feed, int item) {
        return FIRST[(feed + item) % FIRST.length] + " " + LAST[(feed * 3 + item) % LAST.length];
    }

    private static String pubDate(int item) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                java.time.ZonedDateTime.of(2026, 11, 10 + item % 18, 9, 0, 0, 0, java.time.ZoneOffset.UTC));
    }

    long latencyMs() {
        return latencyMs;
    }

    @Override
    public void close() {
        for (HttpServer server : servers) {
            server.stop(0);
        }
        pool.close();
    }
}
