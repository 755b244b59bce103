package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Old and odd but real forms: pre-standard Atom namespaces, Dublin Core titles. */
class FeedParserLegacyFormsTest {

    private static ParsedFeed parse(String xml) throws FeedParseException {
        return new FeedParser().parse(xml.getBytes(StandardCharsets.UTF_8), null, "https://example.com/feed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/necho", "http://purl.org/echo/", "http://purl.org/pie/",
        "http://example.com/newformat#"})
    void aPreStandardAtomNamespaceIsReadAsAtom(String namespace) throws Exception {
        ParsedFeed feed = parse("<feed version=\"0.3\" xmlns=\"" + namespace + "\"><title>Example Atom</title>"
                + "<entry><title>First</title><link rel=\"alternate\" href=\"https://example.com/1\"/></entry></feed>");
        assertEquals("Example Atom", feed.title());
        assertEquals("First", feed.items().get(0).title());
    }

    @Test
    void dublinCoreTitlesStandInForMissingTitles() throws Exception {
        ParsedFeed feed = parse("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><channel>"
                + "<dc:title>Channel by DC</dc:title><link>https://example.com/</link><description>d</description>"
                + "<item><dc:title>Item by DC</dc:title><link>https://example.com/1</link></item>"
                + "<item><title>Own title</title><dc:title>Not this</dc:title><link>https://example.com/2</link></item>"
                + "</channel></rss>");
        assertEquals("Channel by DC", feed.title());
        assertEquals("Item by DC", feed.items().get(0).title());
        assertEquals("Own title", feed.items().get(1).title());
    }
}
