package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every real captured feed in ../shared/data/feeds/netnewswire and crypto-real either parses or fails with a
 * FeedParseException: never another exception. Fast (about 60 files), so not tagged corpus.
 */
class SharedFeedsSmokeTest {

    private static final Logger LOG = LoggerFactory.getLogger(SharedFeedsSmokeTest.class);
    private final FeedParser parser = new FeedParser();

    static Path sharedFeeds(String folder) {
        String prop = System.getProperty("cryptosec.shared.data");
        Path base = prop != null ? Path.of(prop) : Path.of("../shared/data");
        Path dir = base.resolve("feeds").resolve(folder);
        Assumptions.assumeTrue(Files.isDirectory(dir), "shared data folder absent: " + dir);
        return dir;
    }

    @Test
    void everyNetNewsWireFeedParsesOrFailsWithAFeedParseException() throws IOException {
        List<String> failures = parseAll(sharedFeeds("netnewswire"));
        // only the HTML pages (kept there for discovery tests), the OPML files and a deliberately cut JSON Feed fail
        for (String f : failures) {
            assertTrue(f.matches("(?s).*\\.html: not a feed: the server sent an HTML page")
                    || f.matches("(?s).*\\.opml: not a feed: this is an OPML subscription list.*")
                    || f.startsWith("allthis-partial.json: the JSON Feed is truncated"), "unexpected failure: " + f);
        }
        assertEquals(9, failures.size(), failures.toString());
    }

    @Test
    void cryptoRealFeedsParseIncludingUndeclaredPrefixes() throws Exception {
        Path dir = sharedFeeds("crypto-real");
        assertEquals(List.of(), parseAll(dir));
        ParsedFeed bleeping = parser.parse(Files.readAllBytes(dir.resolve("bleepingcomputer-rss-2024-03-14-oneitem.xml")),
                "application/rss+xml", "https://www.bleepingcomputer.com/feed/");
        assertEquals("BleepingComputer", bleeping.title());
        assertEquals(1, bleeping.items().size());
        ParsedItem item = bleeping.items().get(0);
        assertEquals(List.of("Bill Toulas"), item.authors());
        assertEquals(List.of("Security"), item.categories());
        assertTrue(item.url().startsWith("https://www.bleepingcomputer.com/news/security/sim-swappers"));

        ParsedFeed coindesk = parser.parse(Files.readAllBytes(dir.resolve("coindesk-rss-2023-03-13.xml")),
                "application/rss+xml", "https://www.coindesk.com/arc/outboundfeeds/rss/");
        assertEquals(50, coindesk.items().size());
        assertTrue(coindesk.items().stream().anyMatch(i -> i.title() != null
                && i.title().toLowerCase(Locale.ROOT).contains("euler")));
        assertFalse(coindesk.items().stream().anyMatch(i -> i.published() == null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "encoding/testdata/utf8.xml                              | 테스트 피드",
            "encoding/testdata/utf8-incorrect-prolog.xml             | 테스트 피드",
            "encoding/testdata/invalid-prolog.xml                    | 테스트 피드",
            "encoding/testdata/iso-8859-1.xml                        | Café",
            "encoding/testdata/windows-1252.xml                      | Euro €",
            "encoding/testdata/windows-1252-incorrect-prolog.xml     | Euro €",
            "encoding/testdata/koi8r.xml                             | Пример RSS ленты",
            "parser/testdata/encoding_WINDOWS-1251.xml               | iBash.Org.Ru"})
    void minifluxEncodingCasesDecodeCorrectly(String file, String title) throws Exception {
        Path path = sharedFeeds("miniflux").resolve(file);
        Assumptions.assumeTrue(Files.isRegularFile(path), "absent: " + path);
        assertEquals(title, parser.parse(Files.readAllBytes(path), null, "https://example.com/feed").title());
    }

    @Test
    void minifluxWindows1251ItemsAreCyrillic() throws Exception {
        Path path = sharedFeeds("miniflux").resolve("parser/testdata/encoding_WINDOWS-1251.xml");
        Assumptions.assumeTrue(Files.isRegularFile(path), "absent: " + path);
        ParsedFeed feed = parser.parse(Files.readAllBytes(path), "text/xml", "https://ibash.org.ru/rss.xml");
        assertTrue(feed.items().get(0).summaryHtml().contains("есть у кого"), feed.items().get(0).summaryHtml());
    }

    private List<String> parseAll(Path dir) throws IOException {
        List<String> failures = new ArrayList<>();
        int parsed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                String name = file.getFileName().toString();
                if (!Files.isRegularFile(file) || name.startsWith("LICENSE") || name.equals("SOURCE_COMMIT")) {
                    continue;
                }
                try {
                    ParsedFeed feed = parser.parse(Files.readAllBytes(file), null, "https://example.com/feed/" + name);
                    parsed++;
                    LOG.debug("{}: {} {} items", name, feed.format(), feed.items().size());
                } catch (FeedParseException e) {
                    failures.add(name + ": " + e.getMessage());
                }
            }
        }
        LOG.info("{}: {} parsed, {} failed: {}", dir.getFileName(), parsed, failures.size(), failures);
        return failures;
    }
}
