package org.cryptosec.reader.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HttpFetcherTest {

    private static final String ETAG = "\"v1-abc\"";
    private static final String LAST_MODIFIED = "Wed, 13 Mar 2024 10:00:00 GMT";
    private static final byte[] FEED = "<rss version=\"2.0\"><channel><title>Café</title></channel></rss>"
            .getBytes(StandardCharsets.UTF_8);

    private static HttpServer server;
    private static ExecutorService pool;
    private static String base;
    private static final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private static final AtomicLong oversizeWritten = new AtomicLong();

    /** Small limits so each failure case ends well within a second or two. */
    private static final FetchLimits LIMITS = new FetchLimits(Duration.ofSeconds(1), Duration.ofMillis(1200),
            1024 * 1024, 5, "CryptosecReader-Test/1.0");

    private final HttpFetcher fetcher = new HttpFetcher(LIMITS);

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        base = "http://127.0.0.1:" + server.getAddress().getPort();

        route("/feed", ex -> {
            lastHeaders.put("User-Agent", String.valueOf(ex.getRequestHeaders().getFirst("User-Agent")));
            lastHeaders.put("Accept-Encoding", String.valueOf(ex.getRequestHeaders().getFirst("Accept-Encoding")));
            send(ex, 200, "application/rss+xml; charset=utf-8", FEED);
        });
        route("/conditional", ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            String ims = ex.getRequestHeaders().getFirst("If-Modified-Since");
            ex.getResponseHeaders().add("ETag", ETAG);
            ex.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            if (ETAG.equals(inm) || LAST_MODIFIED.equals(ims)) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
            } else {
                send(ex, 200, "application/rss+xml", FEED);
            }
        });
        route("/gzip", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/xml", gzip(FEED));
        });
        route("/deflate", ex -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
                out.write(FEED);
            }
            ex.getResponseHeaders().add("Content-Encoding", "deflate");
            send(ex, 200, "text/xml", bytes.toByteArray());
        });
        route("/fake-gzip", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/xml", FEED);
        });
        byte[] bomb = gzip(new byte[50 * 1024 * 1024]);
        route("/bomb", ex -> {
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/xml", bomb);
        });
        route("/oversize-chunked", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, 0);
            streamZeros(ex, 50L * 1024 * 1024);
        });
        route("/oversize-length", ex -> {
            ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
            ex.sendResponseHeaders(200, 50L * 1024 * 1024);
            streamZeros(ex, 50L * 1024 * 1024);
        });
        route("/exactly-limit", ex -> send(ex, 200, "application/octet-stream", new byte[1024 * 1024]));
        route("/chain1", ex -> redirect(ex, 302, "chain2"));                 // relative
        route("/chain2", ex -> redirect(ex, 301, "/chain3"));                // absolute path
        route("/chain3", ex -> redirect(ex, 307, base + "/feed"));           // absolute URL
        route("/perm1", ex -> redirect(ex, 301, "/perm2"));
        route("/perm2", ex -> redirect(ex, 308, "/feed"));
        route("/loopA", ex -> redirect(ex, 302, "/loopB"));
        route("/loopB", ex -> redirect(ex, 302, "/loopA"));
        for (int i = 0; i < 7; i++) {
            int next = i + 1;
            route("/long" + i, ex -> redirect(ex, 302, "/long" + next));
        }
        route("/long7", ex -> send(ex, 200, "text/plain", "end".getBytes(StandardCharsets.UTF_8)));
        route("/to-file", ex -> redirect(ex, 302, "file:///etc/passwd"));
        route("/missing", ex -> send(ex, 404, "text/html", "<h1>nope</h1>".getBytes(StandardCharsets.UTF_8)));
        route("/error", ex -> send(ex, 503, "text/html", "busy".getBytes(StandardCharsets.UTF_8)));
        route("/trickle", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 200; i++) {
                    out.write('x');
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // expected: the fetcher gave up
            }
        });
        route("/stall-body", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/xml");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                out.write("<rss>".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // expected
            }
        });
        route("/stall-headers", ex -> {
            try {
                Thread.sleep(10_000);
                send(ex, 200, "text/plain", new byte[1]);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException clientGone) {
                // expected
            }
        });
        route("/cut-gzip", ex -> {
            byte[] gz = gzip(FEED);
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            send(ex, 200, "text/xml", java.util.Arrays.copyOf(gz, gz.length / 2));
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        pool.shutdownNow();
    }

    // ---------------------------------------------------------------- happy paths

    @Test
    void fetchReturnsBodyContentTypeAndCharset() throws Exception {
        FetchResult result = fetcher.fetch(base + "/feed");
        assertEquals(200, result.status());
        assertFalse(result.notModified());
        assertArrayEquals(FEED, result.body());
        assertEquals("application/rss+xml; charset=utf-8", result.contentType());
        assertEquals(StandardCharsets.UTF_8, result.declaredCharset());
        assertEquals("application/rss+xml", result.mediaType());
        assertEquals(result.requestedUri(), result.finalUri());
        assertFalse(result.permanentRedirect());
    }

    @Test
    void sendsUserAgentFromLimitsAndAcceptsGzipAndDeflate() throws Exception {
        fetcher.fetch(base + "/feed");
        assertEquals("CryptosecReader-Test/1.0", lastHeaders.get("User-Agent"));
        assertEquals("gzip, deflate", lastHeaders.get("Accept-Encoding"));
    }

    @Test
    void conditionalGetWithEtagGives304WithEmptyBody() throws Exception {
        FetchResult first = fetcher.fetch(base + "/conditional");
        assertEquals(200, first.status());
        assertEquals(ETAG, first.etag());
        assertEquals(LAST_MODIFIED, first.lastModified());

        FetchResult second = fetcher.fetch(base + "/conditional", new Validators(first.etag(), null));
        assertTrue(second.notModified());
        assertEquals(304, second.status());
        assertEquals(0, second.body().length);
        assertEquals(ETAG, second.etag());
    }

    @Test
    void conditionalGetWithLastModifiedOnlyGives304() throws Exception {
        FetchResult result = fetcher.fetch(base + "/conditional", new Validators(null, LAST_MODIFIED));
        assertTrue(result.notModified());
        assertEquals(0, result.body().length);
    }

    @Test
    void staleValidatorsGetTheFullBody() throws Exception {
        FetchResult result = fetcher.fetch(base + "/conditional", new Validators("\"old\"", "Mon, 01 Jan 2001 00:00:00 GMT"));
        assertFalse(result.notModified());
        assertArrayEquals(FEED, result.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/gzip", "/deflate", "/fake-gzip"})
    void compressedBodiesAreDecompressed(String path) throws Exception {
        assertArrayEquals(FEED, fetcher.fetch(base + path).body());
    }

    @Test
    void bodyOfExactlyTheLimitIsAccepted() throws Exception {
        assertEquals(1024 * 1024, fetcher.fetch(base + "/exactly-limit").body().length);
    }

    // ---------------------------------------------------------------- size limits

    @Test
    void gzipBombIsCutOffAfterDecompression() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/bomb"));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals("body larger than 1 MB", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/oversize-chunked", "/oversize-length"})
    void oversizeBodyAbortsAtTheLimitWithoutReadingItAll(String path) throws Exception {
        oversizeWritten.set(0);
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + path));
        assertEquals(FetchException.Kind.TOO_LARGE, e.kind());
        assertEquals("body larger than 1 MB", e.getMessage());
        // the server notices the client went away long before its 50 MB are out
        Thread.sleep(300);
        assertTrue(oversizeWritten.get() < 40L * 1024 * 1024, "server wrote " + oversizeWritten.get());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(3));
    }

    // ---------------------------------------------------------------- redirects

    @Test
    void redirectChainIsFollowedWithRelativeLocations() throws Exception {
        FetchResult result = fetcher.fetch(base + "/chain1");
        assertArrayEquals(FEED, result.body());
        assertEquals(base + "/chain1", result.requestedUri().toString());
        assertEquals(base + "/feed", result.finalUri().toString());
        assertFalse(result.permanentRedirect(), "302 and 307 in the chain");
    }

    @Test
    void chainOfOnly301And308IsPermanent() throws Exception {
        FetchResult result = fetcher.fetch(base + "/perm1");
        assertEquals(base + "/feed", result.finalUri().toString());
        assertTrue(result.permanentRedirect());
    }

    @Test
    void redirectLoopIsDetected() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/loopA"));
        assertEquals(FetchException.Kind.TOO_MANY_REDIRECTS, e.kind());
        assertTrue(e.getMessage().startsWith("redirect loop"), e.getMessage());
    }

    @Test
    void tooManyRedirectsIsReported() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/long0"));
        assertEquals(FetchException.Kind.TOO_MANY_REDIRECTS, e.kind());
        assertTrue(e.getMessage().startsWith("more than 5 redirects"), e.getMessage());
    }

    @Test
    void redirectsUpToTheLimitAreFollowed() throws Exception {
        assertEquals("end", new String(fetcher.fetch(base + "/long2").body(), StandardCharsets.UTF_8));
    }

    @Test
    void redirectToFileSchemeIsRefused() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + "/to-file"));
        assertEquals(FetchException.Kind.INVALID_URL, e.kind());
        assertTrue(e.getMessage().contains("only http and https"), e.getMessage());
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest
    @CsvSource({"/missing, 404, HTTP 404 Not Found", "/error, 503, HTTP 503 Service Unavailable"})
    void errorStatusBecomesHttpStatusException(String path, int status, String message) {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + path));
        assertEquals(FetchException.Kind.HTTP_STATUS, e.kind());
        assertEquals(status, e.status());
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/trickle", "/stall-body", "/stall-headers"})
    void slowServerIsStoppedAtTheDeadline(String path) {
        long start = System.nanoTime();
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + path));
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(FetchException.Kind.TIMEOUT, e.kind(), e.getMessage());
        assertEquals("timed out after 1.2 s", e.getMessage());
        assertTrue(elapsedMs >= 1000 && elapsedMs < 2500, "took " + elapsedMs + " ms");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/cut-gzip"})
    void truncatedGzipBodyIsAConnectionError(String path) {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(base + path));
        assertEquals(FetchException.Kind.CONNECTION, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("before the body was complete"), e.getMessage());
    }

    @Test
    void refusedConnectionIsReported() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch("http://127.0.0.1:" + port + "/"));
        assertEquals(FetchException.Kind.CONNECTION, e.kind());
        assertEquals("connection refused by 127.0.0.1:" + port, e.getMessage());
    }

    @Test
    void connectionResetBeforeAnswerIsReported() throws Exception {
        try (RawServer raw = new RawServer(s -> {
            s.getInputStream().read(new byte[100]);
            s.setSoLinger(true, 0); // RST instead of FIN
        })) {
            FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(raw.url()));
            assertEquals(FetchException.Kind.CONNECTION, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith("connection "), e.getMessage());
        }
    }

    @Test
    void connectionClosedMidBodyWithContentLengthIsAConnectionError() throws Exception {
        try (RawServer raw = new RawServer(s -> {
            s.getInputStream().read(new byte[1000]);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n\r\n<rss>")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
        })) {
            FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(raw.url()));
            assertEquals(FetchException.Kind.CONNECTION, e.kind(), e.getMessage());
            assertTrue(e.getMessage().contains("before the body was complete"), e.getMessage());
        }
    }

    @Test
    void tlsToAPlainHttpServerIsATlsError() throws Exception {
        try (RawServer raw = new RawServer(s -> {
            s.getInputStream().read(new byte[1000]);
            s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
        })) {
            String url = raw.url().replace("http://", "https://");
            FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(url));
            assertEquals(FetchException.Kind.TLS, e.kind(), e.getMessage());
            assertTrue(e.getMessage().startsWith("secure connection (TLS) to 127.0.0.1 failed"), e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                    | empty",
            "not a url             | does not start with http:// or https://",
            "ftp://example.com/x   | only http and https are supported, not ftp",
            "file:///etc/passwd    | only http and https are supported, not file",
            "javascript:alert(1)   | only http and https are supported, not javascript",
            "http://               | invalid URL",
            "https:///path-only    | no host name",
            "http://exa<mple.com/  | invalid URL"})
    void invalidUrlsAreRejectedBeforeAnyNetworkAccess(String url, String expected) {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(url));
        assertEquals(FetchException.Kind.INVALID_URL, e.kind());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void nullUrlIsInvalid() {
        FetchException e = assertThrows(FetchException.class, () -> fetcher.fetch(null));
        assertEquals(FetchException.Kind.INVALID_URL, e.kind());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "text/xml; charset=ISO-8859-1         | ISO-8859-1",
            "text/html;charset=\"utf-8\"           | UTF-8",
            "application/rss+xml; Charset=windows-1252 | windows-1252",
            "text/html                            | null",
            "text/html; charset=no-such-charset-x | null",
            "text/html; charset=                  | null",
            "null                                 | null"})
    void declaredCharsetParsesContentType(String contentType, String expected) {
        FetchResult r = new FetchResult(null, null, 200, false, new byte[0], contentType, null, null, false, Map.of());
        assertEquals(expected, r.declaredCharset() == null ? null : r.declaredCharset().name());
    }

    @ParameterizedTest
    @CsvSource({"30000, 30 s", "1500, 1.5 s", "250, 250 ms"})
    void durationsAreWrittenForPeople(long ms, String expected) {
        assertEquals(expected, HttpFetcher.seconds(Duration.ofMillis(ms)));
    }

    @Test
    void defaultLimitMessageSaysTenMegabytes() {
        assertEquals("10 MB", HttpFetcher.size(FetchLimits.defaults().maxBytes()));
        assertNull(FetchResult.charsetOf("text/plain"));
    }

    @Test
    void invalidLimitsAreRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new HttpFetcher(new FetchLimits(Duration.ofSeconds(1), Duration.ZERO, 10, 1, "x")));
    }

    @Test
    void manyParallelFetchesShareOneFetcher() throws Exception {
        List<java.util.concurrent.Future<FetchResult>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(pool.submit(() -> fetcher.fetch(base + "/gzip")));
        }
        for (var f : futures) {
            assertArrayEquals(FEED, f.get(5, TimeUnit.SECONDS).body());
        }
    }

    // ---------------------------------------------------------------- server helpers

    private static void route(String path, HttpHandler handler) {
        server.createContext(path, ex -> {
            // contexts match by prefix: serve only the exact path
            if (!ex.getRequestURI().getPath().equals(path)) {
                send(ex, 404, "text/plain", new byte[0]);
                return;
            }
            handler.handle(ex);
        });
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static void redirect(HttpExchange ex, int status, String location) throws IOException {
        ex.getResponseHeaders().add("Location", location);
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private static void streamZeros(HttpExchange ex, long total) {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = ex.getResponseBody()) {
            for (long sent = 0; sent < total; sent += chunk.length) {
                out.write(chunk);
                oversizeWritten.addAndGet(chunk.length);
            }
        } catch (IOException clientGone) {
            // expected: the fetcher stopped reading at its limit
        }
    }

    /** A bare socket server for misbehaviour HttpServer cannot produce; handles every connection the same way. */
    private static final class RawServer implements AutoCloseable {
        interface Behaviour {
            void handle(Socket socket) throws IOException;
        }

        private final ServerSocket socket;

        RawServer(Behaviour behaviour) throws IOException {
            socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            pool.submit(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        behaviour.handle(s);
                    } catch (IOException ignored) {
                        // closed by the test, or the client went away
                    }
                }
            });
        }

        String url() {
            return "http://127.0.0.1:" + socket.getLocalPort() + "/";
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
