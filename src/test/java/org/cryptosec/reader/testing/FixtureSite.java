package org.cryptosec.reader.testing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * A WordPress-like crypto news site built from the founding article (../shared/seed), served on
 * 127.0.0.1: home page linking its feeds (comments feed first), the RSS feed with ETag/304, two
 * article pages, the author's page and real JPEG images. The page HTML lives in src/test/resources/site/.
 */
public final class FixtureSite implements AutoCloseable {

    public static final String ARTICLE_PATH = "/noord-korea-hackt-opnieuw-exchanges-voor-ontwikkeling-kernwapens/";
    public static final String SECOND_PATH = "/defi-protocol-leeggeroofd-flash-loan/";
    public static final String AUTHOR_PATH = "/auteur/timo-bult/";
    public static final String FEED_PATH = "/feed/";
    public static final String PIXEL_PATH = "/wp-content/plugins/wp-statistics/pixel.gif";
    public static final String FEED_ETAG = "\"feed-v1\"";

    private final TestServer server;
    private final AtomicInteger notModified = new AtomicInteger();

    public FixtureSite() throws IOException {
        server = new TestServer();
        server.serve("/", "text/html; charset=UTF-8", home());
        server.route(FEED_PATH, ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            if (FEED_ETAG.equals(inm)) {
                notModified.incrementAndGet();
                ex.getResponseHeaders().set("ETag", FEED_ETAG);
                TestServer.send(ex, 304, null, new byte[0]);
                return;
            }
            ex.getResponseHeaders().set("ETag", FEED_ETAG);
            TestServer.send(ex, 200, "application/rss+xml; charset=UTF-8", feed().getBytes(StandardCharsets.UTF_8));
        });
        server.serve("/comments/feed/", "application/rss+xml; charset=UTF-8", commentsFeed());
        server.serve(ARTICLE_PATH, "text/html; charset=UTF-8", resource("article.html"));
        server.serve(SECOND_PATH, "text/html; charset=UTF-8", resource("article-no-bio.html"));
        server.serve(AUTHOR_PATH, "text/html; charset=UTF-8", resource("author-timo-bult.html"));
        for (String name : new String[] {"noord-korea.jpg", "noord-korea-600x338.jpg", "timo.jpg", "timo-48x48.jpg",
                "lendora-exploit.jpg", "logo.png", "ethereum-150x100.jpg", "pump-dump-150x100.jpg"}) {
            server.serve("/wp-content/uploads/" + name, "image/jpeg", name.startsWith("timo") ? avatar("TB") : jpeg(name.hashCode()));
        }
        server.serve(PIXEL_PATH, "image/gif", new byte[] {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0});
    }

    public String url(String path) {
        return server.url(path);
    }

    public TestServer server() {
        return server;
    }

    public int notModifiedAnswers() {
        return notModified.get();
    }

    private String home() {
        return """
                <!DOCTYPE html><html lang="nl-NL"><head><meta charset="UTF-8"><title>Crypto Insiders</title>
                <link rel="alternate" type="application/rss+xml" title="Crypto Insiders &raquo; reacties feed" href="/comments/feed/">
                <link rel="alternate" type="application/rss+xml" title="Crypto Insiders &raquo; feed" href="/feed/">
                </head><body><h1>Crypto Insiders</h1><a href="%s">Noord-Korea hackt opnieuw exchanges</a></body></html>
                """.formatted(ARTICLE_PATH);
    }

    private String feed() {
        String base = server.url("");
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
                <channel>
                  <title>Crypto Insiders</title>
                  <link>%1$s/</link>
                  <description>Crypto nieuws</description>
                  <language>nl-NL</language>
                  <item>
                    <title>Noord-Korea hackt opnieuw exchanges voor ontwikkeling kernwapens</title>
                    <link>%1$s%2$s</link>
                    <guid isPermaLink="false">%1$s/?p=101</guid>
                    <dc:creator><![CDATA[Timo Bult]]></dc:creator>
                    <pubDate>Mon, 07 Feb 2022 09:15:00 +0000</pubDate>
                    <category><![CDATA[Nieuws]]></category>
                    <description><![CDATA[Noord-Korea bekostigt zijn kernwapenprogramma vooral met gestolen crypto.]]></description>
                  </item>
                  <item>
                    <title>DeFi-protocol voor $80 miljoen leeggeroofd met flash loan</title>
                    <link>%1$s%3$s</link>
                    <guid isPermaLink="false">%1$s/?p=102</guid>
                    <dc:creator><![CDATA[Timo Bult]]></dc:creator>
                    <pubDate>Tue, 14 Mar 2023 07:30:00 +0000</pubDate>
                    <description><![CDATA[Een DeFi-protocol verloor miljoenen door een flash loan.]]></description>
                  </item>
                </channel>
                </rss>
                """.formatted(base, ARTICLE_PATH, SECOND_PATH);
    }

    private static String commentsFeed() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Reacties op Crypto Insiders</title><link>http://example.invalid/</link>
                <description>Reacties</description></channel></rss>
                """;
    }

    public static byte[] resource(String name) {
        try (InputStream in = FixtureSite.class.getResourceAsStream("/site/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /site/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A real JPEG, different per seed: a dark gradient with a rising chart line, like a news photo. */
    public static byte[] jpeg(int seed) {
        int w = 960;
        int h = 540;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        java.util.Random random = new java.util.Random(seed);
        Color top = new Color(20 + random.nextInt(30), 30 + random.nextInt(40), 60 + random.nextInt(60));
        g.setPaint(new java.awt.GradientPaint(0, 0, top, w, h, new Color(60, 90, 150)));
        g.fillRect(0, 0, w, h);
        g.setColor(new Color(255, 255, 255, 28));
        for (int x = 0; x < w; x += 60) {
            g.drawLine(x, 0, x, h);
        }
        for (int y = 0; y < h; y += 60) {
            g.drawLine(0, y, w, y);
        }
        g.setColor(new Color(242, 193, 78));
        g.setStroke(new java.awt.BasicStroke(6f));
        int px = 0;
        int py = h - 80;
        for (int x = 80; x <= w; x += 80) {
            int y = Math.max(40, py - random.nextInt(90) + 30);
            g.drawLine(px, py, x, y);
            px = x;
            py = y;
        }
        g.dispose();
        return encode(img, "jpg");
    }

    /** A round avatar with initials. */
    public static byte[] avatar(String initials) {
        BufferedImage img = new BufferedImage(160, 160, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(46, 64, 110));
        g.fillRect(0, 0, 160, 160);
        g.setColor(new Color(242, 193, 78));
        g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 64));
        java.awt.FontMetrics m = g.getFontMetrics();
        g.drawString(initials, (160 - m.stringWidth(initials)) / 2, (160 + m.getAscent() - m.getDescent()) / 2);
        g.dispose();
        return encode(img, "jpg");
    }

    /** The image's bytes in an ImageIO format ("jpg", "png"). */
    public static byte[] encode(BufferedImage img, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.close();
    }
}
