package org.cryptosec.reader.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.service.RefreshReport;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.testing.TestServer;

/**
 * A small English crypto-security news site on 127.0.0.1 for the window's tests: an RSS feed of
 * three articles by two authors (with bios and avatars), each a full article page with a figure,
 * a quote and code.
 */
public final class UiFixture implements AutoCloseable {

    public static final String FEED_PATH = "/feed.xml";
    public static final String LAZARUS_TITLE = "Lazarus drains hot wallets of a second exchange";
    public static final String BRIDGE_TITLE = "Bridge exploit: how a forged proof minted 120M tokens";
    public static final String PHISHING_TITLE = "Address-poisoning phishing wave hits stablecoin holders";
    public static final String LAZARUS_SENTENCE = "investigators traced the stolen ether through a chain of mixers";

    private final TestServer server;

    public UiFixture() throws IOException {
        server = new TestServer();
        server.serve("/", "text/html; charset=UTF-8", "<!DOCTYPE html><html><head><title>Chain Watch</title>"
                + "<link rel=\"alternate\" type=\"application/rss+xml\" href=\"/feed.xml\"></head><body>Chain Watch</body></html>");
        server.serve(FEED_PATH, "application/rss+xml; charset=UTF-8", feed());
        server.serve("/2025/lazarus-hot-wallets/", "text/html; charset=UTF-8", page(LAZARUS_TITLE, "Ann Lee",
                "/avatars/ann.png", "2025-03-12T09:15:00Z", """
                <p>For the second time this quarter, a group the FBI attributes to North Korea's Lazarus emptied
                the hot wallets of a centralised exchange. On-chain, %s before the funds reached a bridge.</p>
                <figure><img src="/img/flow.png" alt="Flow of funds"><figcaption>Flow of the stolen funds.</figcaption></figure>
                <h2>How the attackers got in</h2>
                <p>The exchange said a signing server had been compromised through a poisoned developer package.</p>
                <blockquote><p>We have frozen withdrawals while we rotate every key.</p></blockquote>
                <p>The first transfer went to <code>0x8f3a9c2be1d47f00aa1b2c3d4e5f60718293a4b5</code>.</p>
                """.formatted(LAZARUS_SENTENCE)));
        server.serve("/2025/bridge-exploit/", "text/html; charset=UTF-8", page(BRIDGE_TITLE, "Ann Lee",
                "/avatars/ann.png", "2025-03-10T14:00:00Z", """
                <p>A cross-chain bridge accepted a forged proof and minted 120 million wrapped tokens that were
                never locked on the other side. The attacker swapped them for ether within minutes.</p>
                <h2>The bug</h2>
                <p>The verifier checked the signature but not the root it signed.</p>
                """));
        server.serve("/2025/address-poisoning/", "text/html; charset=UTF-8", page(PHISHING_TITLE, "Ben Okafor",
                "/avatars/ben.png", "2025-03-08T08:30:00Z", """
                <p>Scammers send dust from look-alike addresses so that victims copy the wrong address from their
                history. Several stablecoin holders lost six-figure sums this week.</p>
                """));
        server.serve("/avatars/ann.png", "image/png", png(0x3b6fd4, 96, 96));
        server.serve("/avatars/ben.png", "image/png", png(0xd4733b, 96, 96));
        server.serve("/img/flow.png", "image/png", png(0x2e8b57, 640, 320));
    }

    public String url(String path) {
        return server.url(path);
    }

    public TestServer server() {
        return server;
    }

    /** Subscribes {@code library} to the fixture feed and refreshes it. */
    public Feed load(Library library) throws LibraryException {
        Feed feed = library.subscribe(url(FEED_PATH));
        RefreshReport report = library.refresh(List.of(feed.id()), ProgressListener.NONE, new Cancellation());
        if (report.newArticles() != 3) {
            throw new IllegalStateException("fixture refresh did not store 3 articles: " + report);
        }
        return feed;
    }

    /** A fresh library in {@code dir} holding the fixture site's three articles. */
    public Library openLoaded(Path dir) throws LibraryException {
        Library library = Library.open(dir);
        load(library);
        return library;
    }

    private String feed() {
        String base = server.url("");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                  <title>Chain Watch</title>
                  <link>%1$s/</link>
                  <description>Crypto security news</description>
                  <language>en</language>
                  %2$s
                  %3$s
                  %4$s
                </channel>
                </rss>
                """.formatted(base,
                item(base, LAZARUS_TITLE, "/2025/lazarus-hot-wallets/", "Ann Lee", "Wed, 12 Mar 2025 09:15:00 +0000",
                        "Lazarus emptied the hot wallets of a centralised exchange."),
                item(base, BRIDGE_TITLE, "/2025/bridge-exploit/", "Ann Lee", "Mon, 10 Mar 2025 14:00:00 +0000",
                        "A bridge accepted a forged proof."),
                item(base, PHISHING_TITLE, "/2025/address-poisoning/", "Ben Okafor", "Sat, 08 Mar 2025 08:30:00 +0000",
                        "Scammers send dust from look-alike addresses."));
    }

    private static String item(String base, String title, String path, String author, String date, String description) {
        return """
                <item><title>%2$s</title><link>%1$s%3$s</link><guid isPermaLink="true">%1$s%3$s</guid>
                <dc:creator><![CDATA[%4$s]]></dc:creator><pubDate>%5$s</pubDate>
                <description><![CDATA[%6$s]]></description></item>
                """.formatted(base, title, path, author, date, description);
    }

    private String page(String title, String author, String avatar, String date, String body) {
        String bio = author.equals("Ann Lee")
                ? "Ann Lee covers exchange hacks and North Korean threat actors. She was a security engineer before she became a reporter."
                : "Ben Okafor writes about scams, phishing and the people who chase stolen funds.";
        String slug = author.toLowerCase().replace(' ', '-');
        return """
                <!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>%1$s | Chain Watch</title>
                <meta property="og:title" content="%1$s"><meta property="og:site_name" content="Chain Watch">
                <meta name="author" content="%2$s">
                <meta property="article:published_time" content="%4$s">
                <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
                "headline":"%1$s","datePublished":"%4$s","author":{"@type":"Person","name":"%2$s",
                "url":"%6$s","description":"%5$s","image":"%3$s"}}</script>
                </head><body><header><nav><a href="/">Chain Watch</a></nav></header>
                <main><article><h1>%1$s</h1><div class="byline">By <a rel="author" href="%6$s">%2$s</a></div>
                <div class="entry-content">%7$s</div>
                <div class="author-box"><img class="avatar" src="%3$s" alt="%2$s"><h4>About %2$s</h4><p>%5$s</p></div>
                </article></main><footer>© Chain Watch</footer></body></html>
                """.formatted(title, author, server.url(avatar), date, bio, server.url("/author/" + slug + "/"), body);
    }

    /** A real PNG: a coloured square with a lighter circle. */
    static byte[] png(int rgb, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(rgb).brighter().brighter());
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return org.cryptosec.reader.testing.FixtureSite.encode(img, "png");
    }

    @Override
    public void close() {
        server.close();
    }
}
