package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class FeedParserTest {

    private final FeedParser parser = new FeedParser();

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = FeedParserTest.class.getResourceAsStream("/feed/" + name)) {
            assertNotNull(in, "missing fixture " + name);
            return in.readAllBytes();
        }
    }

    private ParsedFeed parse(String fixture, String contentType, String url) throws Exception {
        return parser.parse(fixture(fixture), contentType, url);
    }

    // ---------------------------------------------------------------- formats

    static Stream<Arguments> formats() {
        return Stream.of(
                Arguments.of("wordpress-rss2.xml", "application/rss+xml; charset=UTF-8", "rss_2.0",
                        "Crypto Nieuws – Beveiliging", "https://crypto.example.nl/", "nl-NL", 2),
                Arguments.of("atom10.xml", "application/atom+xml", "atom_1.0", "Chain <Security> Blog",
                        "https://security.example.com/blog/", null, 2),
                Arguments.of("atom03.xml", "application/atom+xml", "atom_0.3", "Old Atom", "https://old.example.com/", null, 1),
                Arguments.of("rss10.rdf", "application/rdf+xml", "rss_1.0", "RDF Site Summary", "https://rdf.example.org/", "de", 1),
                Arguments.of("rss091-doctype.xml", "text/xml", "rss_0.91N", "Netscape Era", "https://netscape.example.com/", "en-us", 1),
                Arguments.of("jsonfeed11.json", "application/feed+json", "json_1.1", "Chain Watch",
                        "https://chainwatch.example.com/", "en", 2),
                Arguments.of("jsonfeed10.json", null, "json_1.0", "Old JSON", "https://old-json.example.com/", null, 1),
                Arguments.of("undeclared-prefix.xml", "application/rss+xml", "rss_2.0", "Sloppy Publisher",
                        "https://sloppy.example.com/", null, 1),
                Arguments.of("bare-ampersand.xml", "text/xml", "rss_2.0", "Tips & Tricks",
                        "https://amp.example.com/?a=1&b=2", null, 1));
    }

    @ParameterizedTest(name = "{0} is {2}")
    @MethodSource("formats")
    void parsesEachFormatIntoOurModel(String fixture, String contentType, String format, String title, String siteUrl,
                                      String language, int items) throws Exception {
        ParsedFeed feed = parse(fixture, contentType, "https://feeds.example.net/" + fixture);
        assertEquals(format, feed.format());
        assertEquals(title, feed.title());
        assertEquals(siteUrl, feed.siteUrl());
        assertEquals(language, feed.language());
        assertEquals(items, feed.items().size());
        for (ParsedItem item : feed.items()) {
            assertNotNull(item.guid(), "every item has a guid");
            if (item.url() != null) {
                assertTrue(item.url().startsWith("https://"), "absolute URL: " + item.url());
            }
        }
    }

    @Test
    void wordpressItemHasContentEncodedAuthorsCategoriesAndImage() throws Exception {
        ParsedFeed feed = parse("wordpress-rss2.xml", "application/rss+xml", "https://crypto.example.nl/feed/");
        ParsedItem item = feed.items().get(0);
        assertEquals("https://crypto.example.nl/?p=12345", item.guid());
        assertEquals("https://crypto.example.nl/2023/03/13/euler-finance-gehackt/", item.url());
        assertEquals("Euler Finance gehackt: $197 miljoen & meer buitgemaakt", item.title());
        assertEquals(List.of("Jan de Vries", "Piet Jansen"), item.authors());
        assertEquals(Instant.parse("2023-03-13T09:55:15Z"), item.published());
        assertEquals(List.of("DeFi", "Hacks"), item.categories(), "case-insensitive duplicates dropped");
        assertTrue(item.contentHtml().startsWith("<p>Het DeFi-protocol <strong>Euler Finance</strong>"), item.contentHtml());
        assertEquals("<p>Het DeFi-protocol Euler Finance is getroffen door een flash loan-aanval.</p>", item.summaryHtml());
        assertEquals("https://crypto.example.nl/wp-content/uploads/2023/03/euler-1200.jpg", item.imageUrl());
    }

    @Test
    void relativeItemLinkIsResolvedAndEnclosureImageUsed() throws Exception {
        ParsedItem item = parse("wordpress-rss2.xml", null, "https://crypto.example.nl/feed/").items().get(1);
        assertEquals("https://crypto.example.nl/2023/03/12/noord-korea-hack/", item.url());
        assertEquals(List.of("Anna Bakker", "Tom Smit", "Lisa de Jong"), item.authors());
        assertEquals("https://crypto.example.nl/wp-content/uploads/2023/03/lazarus.png", item.imageUrl());
        assertNull(item.contentHtml());
    }

    @Test
    void atomEntryUsesXmlBaseHtmlTitleAndSeveralAuthors() throws Exception {
        ParsedFeed feed = parse("atom10.xml", "application/atom+xml", "https://security.example.com/blog/atom.xml");
        ParsedItem first = feed.items().get(0);
        assertEquals("tag:security.example.com,2024:bridge-exploit", first.guid());
        assertEquals("https://security.example.com/blog/posts/bridge-exploit", first.url());
        assertEquals("Bridge exploit: what happened", first.title());
        assertEquals(List.of("Alice Example", "Bob Example"), first.authors());
        assertEquals(Instant.parse("2024-03-14T09:30:00Z"), first.published(), "published wins over updated");
        assertEquals(List.of("exploits", "bridges"), first.categories());
        assertEquals("<p>The bridge lost 5 &lt; 6 million dollars.</p>", first.summaryHtml(), "text summary escaped");
        assertEquals("<p>A detailed <b>post-mortem</b>.</p>", first.contentHtml());
        assertEquals("Post-mortems of crypto exploits", feed.description());

        ParsedItem second = feed.items().get(1);
        assertEquals(Instant.parse("2024-03-10T08:00:00Z"), second.published(), "updated when no published");
        assertEquals(List.of("Security Team"), second.authors(), "feed author inherited");
        assertTrue(second.contentHtml().contains("Roundup of the week."), second.contentHtml());
    }

    @Test
    void rdfItemReadsDublinCore() throws Exception {
        ParsedItem item = parse("rss10.rdf", null, "https://rdf.example.org/rss").items().get(0);
        assertEquals("https://rdf.example.org/a1", item.url());
        assertEquals(List.of("Karl Muster"), item.authors());
        assertEquals(Instant.parse("2024-02-01T09:00:00Z"), item.published());
        assertEquals(List.of("Phishing"), item.categories());
    }

    @Test
    void jsonFeedItemsResolveUrlsAndSplitAuthors() throws Exception {
        ParsedFeed feed = parse("jsonfeed11.json", "application/feed+json", "https://chainwatch.example.com/feed.json");
        ParsedItem first = feed.items().get(0);
        assertEquals("2024-001", first.guid());
        assertEquals("https://chainwatch.example.com/posts/mixer-sanctions", first.url());
        assertEquals("Mixer sanctioned & seized", first.title());
        assertEquals(List.of("Dana Analyst", "Eli Tracer"), first.authors());
        assertEquals(List.of("sanctions", "mixers"), first.categories());
        assertEquals("https://chainwatch.example.com/img/mixer.png", first.imageUrl());
        assertEquals(Instant.parse("2024-03-01T10:00:00Z"), first.published());
        assertEquals("<p>Sanctions &lt;news&gt;</p>", first.summaryHtml());

        ParsedItem second = feed.items().get(1);
        assertEquals("42", second.guid());
        assertEquals("<p>Plain text only.</p><p>Second paragraph &amp; more.</p>", second.contentHtml());
        assertEquals(List.of("Chain Watch Staff"), second.authors(), "feed authors inherited");
        assertEquals(Instant.parse("2024-02-29T08:00:00Z"), second.published());
    }

    @Test
    void jsonFeed10ItemAuthorWinsOverFeedAuthor() throws Exception {
        ParsedItem item = parse("jsonfeed10.json", "application/json", "https://old-json.example.com/feed.json").items().get(0);
        assertEquals(List.of("Guest Writer"), item.authors());
        assertEquals(Instant.parse("2017-05-17T17:02:12Z"), item.published());
    }

    @Test
    void undeclaredNamespacePrefixesAreRepaired() throws Exception {
        ParsedItem item = parse("undeclared-prefix.xml", "application/rss+xml", "https://sloppy.example.com/feed/").items().get(0);
        assertEquals(List.of("Sam Reporter"), item.authors());
        assertEquals("https://sloppy.example.com/img/ransom.jpg", item.imageUrl(), "media:thumbnail");
        assertEquals("Pay up or else & more.", item.summaryHtml());
    }

    @Test
    void bareAmpersandsAreRepairedButCdataIsLeftAlone() throws Exception {
        ParsedItem item = parse("bare-ampersand.xml", "text/xml", "https://amp.example.com/feed").items().get(0);
        assertEquals("Q&A: wallets & seeds", item.title());
        assertEquals("https://amp.example.com/qa?x=1&y=2", item.url());
        // inside CDATA the text is literal: our repair must not turn &amp; into &amp;amp;
        // (Rome's healer may write the same character as &#38;, which is the same HTML)
        assertTrue(item.summaryHtml().equals("Keep <b>A&amp;B</b> as written")
                || item.summaryHtml().equals("Keep <b>A&#38;B</b> as written"), item.summaryHtml());
    }

    @Test
    void itemsWithoutGuidOrLinkGetAStableHashGuid() throws Exception {
        ParsedFeed first = parse("no-guid-no-link.xml", null, "https://bare.example.com/feed");
        ParsedFeed again = parse("no-guid-no-link.xml", null, "https://bare.example.com/feed");
        ParsedItem a = first.items().get(0);
        ParsedItem b = first.items().get(1);
        assertTrue(a.guid().startsWith("sha256:"), a.guid());
        assertNotEquals(a.guid(), b.guid());
        assertEquals(a.guid(), again.items().get(0).guid(), "same item, same guid");
        assertNull(a.url());
        assertEquals(List.of("Eddie Editor"), a.authors(), "RSS author 'mail (Name)' gives the name");
    }

    @Test
    void doctypeIsAcceptedButExternalEntitiesExpandToNothing(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-42");
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<rss version=\"2.0\"><channel><title>Feed &xxe;</title><link>https://x.example/</link>"
                + "<description>d &xxe;</description><item><title>Item &xxe;</title><link>https://x.example/1</link>"
                + "<description>&xxe;</description></item></channel></rss>";
        try {
            ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "application/rss+xml", "https://x.example/feed");
            assertFalse(feed.toString().contains("TOP-SECRET-42"), "the file content leaked: " + feed);
            assertEquals("Item", feed.items().get(0).title());
        } catch (FeedParseException rejected) {
            assertFalse(rejected.getMessage().contains("TOP-SECRET-42"));
        }
    }

    @Test
    void billionLaughsIsStoppedWithAClearError() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">");
        String prev = "a";
        for (int i = 0; i < 10; i++) {
            String name = "e" + i;
            xml.append("<!ENTITY ").append(name).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
            prev = name;
        }
        xml.append("]><rss version=\"2.0\"><channel><title>&").append(prev).append(";</title></channel></rss>");
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(xml.toString().getBytes(StandardCharsets.UTF_8), "text/xml", "https://x.example/"));
        assertTrue(e.getMessage().contains("entity"), e.getMessage());
    }

    // ---------------------------------------------------------------- charsets

    @Test
    void latin1BytesUnderAUtf8PrologAreReadAsWindows1252() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Café “Crypto” €</title>"
                + "<link>https://l.example/</link><description>d</description></channel></rss>";
        byte[] bytes = xml.getBytes(Charset.forName("windows-1252"));
        ParsedFeed feed = parser.parse(bytes, "text/xml", "https://l.example/feed");
        assertEquals("Café “Crypto” €", feed.title());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "ISO-8859-1 | windows-1252 | text/xml",
            "ISO-8859-1 | windows-1252 | application/rss+xml; charset=ISO-8859-1",
            "UTF-8      | UTF-8        | text/xml",
            "UTF-8      | UTF-8        | null",
            "ISO-8859-1 | UTF-8        | null",
            "windows-1251 | windows-1251 | application/rss+xml",
            "windows-1251 | windows-1251 | text/xml",
            "KOI8-R       | KOI8-R       | text/xml"})
    void declaredAndActualEncodingsAreReconciled(String declared, String actual, String contentType) throws Exception {
        String title = actual.equals("windows-1251") || actual.equals("KOI8-R") ? "Новости биткоин" : actual.equals("UTF-8") ? "Café “Crypto” € 日本" : "Café “Crypto” €";
        String xml = "<?xml version=\"1.0\" encoding=\"" + declared + "\"?><rss version=\"2.0\"><channel><title>" + title
                + "</title><link>https://l.example/</link><description>d</description></channel></rss>";
        ParsedFeed feed = parser.parse(xml.getBytes(Charset.forName(actual)), contentType, "https://l.example/feed");
        assertEquals(title, feed.title());
    }

    @Test
    void utf16WithBomIsRead() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><rss version=\"2.0\"><channel><title>Zürich</title>"
                + "<link>https://u.example/</link><description>d</description></channel></rss>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_16); // with BOM
        assertEquals("Zürich", parser.parse(body, null, "https://u.example/feed").title());
    }

    @Test
    void controlCharactersAreDroppedInsteadOfFailing() throws Exception {
        String xml = "<rss version=\"2.0\"><channel><title>Bad\u0001\u0008 chars</title><link>https://c.example/</link>"
                + "<description>d</description></channel></rss>";
        assertEquals("Bad chars", parser.parse(xml.getBytes(StandardCharsets.UTF_8), null, null).title());
    }

    // ---------------------------------------------------------------- errors

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", value = {
            "empty body                   | ''                                          | null                 | empty response",
            "only white space             | '   \n\t  '                                 | text/xml             | empty response",
            "html page                    | <!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html> | text/html | not a feed: the server sent an HTML page",
            "html served as xml           | <html><body>oops</body></html>              | application/rss+xml  | not a feed: the server sent an HTML page",
            "html fragment as text/html   | <div>hello</div>                            | text/html; charset=utf-8 | not a feed: the server sent an HTML page",
            "plain text                   | Hello world                                 | text/plain           | not a feed: the document is neither XML nor JSON",
            "unknown xml root             | <catalog><book/></catalog>                  | text/xml             | not a feed: the root element <catalog> is not RSS, Atom or RDF",
            "opml                         | <opml version='2.0'><body/></opml>          | text/xml             | not a feed: this is an OPML subscription list",
            "truncated xml                | <rss version='2.0'><channel><title>Cut      | text/xml             | the feed is truncated",
            "mismatched tags              | <rss version='2.0'><channel><title>x</channel></rss> | text/xml    | not well-formed XML",
            "invalid json                 | '{\"version\": }'                            | application/json     | not valid JSON",
            "truncated json               | '{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": ['  | null | the JSON Feed is truncated",
            "json that is no feed         | '{\"hello\": \"world\"}'                       | application/json     | not a feed: the JSON document is not a JSON Feed",
            "json array                   | '[1, 2, 3]'                                 | null                 | not a feed: the JSON document is not a JSON Feed object",
            "rss without channel          | <rss version='2.0'></rss>                   | text/xml             | not a valid feed: the RSS document has no <channel>"})
    void badInputGivesASpecificFeedParseException(String name, String body, String contentType, String message) {
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(body.getBytes(StandardCharsets.UTF_8), contentType, "https://bad.example/feed"));
        assertTrue(e.getMessage().startsWith(message), name + ": " + e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "atom without namespace | <feed><title>Plain</title><entry><title>E</title><id>1</id></entry></feed> | atom_1.0",
            "rss 2.1                | <rss version='2.1'><channel><title>Plain</title><item><title>E</title></item></channel></rss> | rss_2.0",
            "rss without version    | <rss><channel><title>Plain</title><item><title>E</title></item></channel></rss> | rss_2.0"})
    void unrecognisedButObviousRootsAreReadLeniently(String name, String xml, String format) throws Exception {
        ParsedFeed feed = parser.parse(xml.getBytes(StandardCharsets.UTF_8), "text/xml", "https://lenient.example/feed");
        assertEquals(format, feed.format(), name);
        assertEquals("Plain", feed.title());
        assertEquals("E", feed.items().get(0).title());
    }

    @Test
    void nullBodyIsEmpty() {
        FeedParseException e = assertThrows(FeedParseException.class, () -> parser.parse(null, null, null));
        assertTrue(e.getMessage().startsWith("empty response"));
    }

    @Test
    void truncatedRealFeedSaysTruncated() throws Exception {
        byte[] full = fixture("wordpress-rss2.xml");
        byte[] half = Arrays.copyOf(full, full.length / 2);
        FeedParseException e = assertThrows(FeedParseException.class,
                () -> parser.parse(half, "application/rss+xml", "https://crypto.example.nl/feed/"));
        assertTrue(e.getMessage().startsWith("the feed is truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("line "), e.getMessage());
    }

    @Test
    void everyPrefixOfAFeedGivesAResultOrAFeedParseException() throws Exception {
        byte[] full = fixture("atom10.xml");
        for (int len = 0; len <= full.length; len += 23) {
            byte[] prefix = Arrays.copyOf(full, len);
            try {
                parser.parse(prefix, "application/atom+xml", "https://security.example.com/blog/atom.xml");
            } catch (FeedParseException expected) {
                assertNotNull(expected.getMessage());
            }
        }
    }

    // ---------------------------------------------------------------- author names

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Jan de Vries en Piet Jansen                  | Jan de Vries;Piet Jansen",
            "Anna Bakker, Tom Smit and Lisa de Jong       | Anna Bakker;Tom Smit;Lisa de Jong",
            "Doe, John                                    | Doe, John",
            "Jane Roe, John Doe                           | Jane Roe;John Doe",
            "By Bill Toulas                               | Bill Toulas",
            "editor@example.com (Eddie Editor)            | Eddie Editor",
            "Eddie Editor <editor@example.com>            | Eddie Editor",
            "A & B                                        | A;B",
            "Kaur, M., Shukla, A., Bhati, K. K.           | Kaur, M.;Shukla, A.;Bhati, K. K.",
            "Same Name and same name                      | Same Name"})
    void authorStringsAreSplitIntoPeople(String raw, String expected) {
        assertEquals(List.of(expected.split(";")), AuthorNames.split(raw));
    }
}
