package org.cryptosec.reader.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpmlTest {

    private static List<OpmlOutline> read(String xml) throws FeedParseException {
        return Opml.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nestedFoldersGiveTheInnermostFolderAsCategory() throws Exception {
        List<OpmlOutline> outlines = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0"><head><title>Mine</title></head><body>
                  <outline text="Loose" xmlUrl="https://loose.example/feed" htmlUrl="https://loose.example/"/>
                  <outline text="Crypto">
                    <outline text="CoinDesk" title="CoinDesk News" type="rss" xmlUrl="https://coindesk.example/rss"/>
                    <outline title="Security">
                      <outline text="Bleeping" xmlurl="https://bleeping.example/feed/"/>
                    </outline>
                    <outline text="Empty folder"/>
                  </outline>
                </body></opml>
                """);
        assertEquals(List.of(
                new OpmlOutline("Loose", "https://loose.example/feed", "https://loose.example/", null),
                new OpmlOutline("CoinDesk News", "https://coindesk.example/rss", null, "Crypto"),
                new OpmlOutline("Bleeping", "https://bleeping.example/feed/", null, "Security")), outlines);
    }

    @Test
    void writeThenReadGivesTheSameOutlines() throws Exception {
        List<OpmlOutline> original = List.of(
                new OpmlOutline("Top \"quoted\" & <odd>", "https://top.example/feed?a=1&b=2", "https://top.example/", null),
                new OpmlOutline("Crypto Insiders", "https://crypto.example.nl/feed/", "https://crypto.example.nl/", "Nederlands"),
                new OpmlOutline("Rekt", "https://rekt.example/rss", null, "Post-mortems"),
                new OpmlOutline("Nieuws\nmet regel", "https://nieuws.example.nl/feed", null, "Nederlands"));
        String xml = Opml.write("Cryptosec export", original);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">"), xml);
        assertTrue(xml.contains("<title>Cryptosec export</title>"));
        List<OpmlOutline> back = Opml.read(xml.getBytes(StandardCharsets.UTF_8));
        // the folder order follows first appearance, so the two "Nederlands" feeds come together
        assertEquals(List.of(original.get(0), original.get(1), original.get(3), original.get(2)), back);
    }

    @Test
    void duplicateFeedsAreKeptOnce() throws Exception {
        List<OpmlOutline> outlines = read("<opml version='1.0'><body>"
                + "<outline text='A' xmlUrl='https://a.example/feed'/>"
                + "<outline text='Folder'><outline text='A again' xmlUrl='https://a.example/feed'/></outline>"
                + "</body></opml>");
        assertEquals(1, outlines.size());
        assertEquals("A", outlines.get(0).title());
    }

    @Test
    void externalEntityInOpmlDoesNotLeakFiles(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-OPML");
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>"
                + "<opml version=\"2.0\"><body><outline text=\"x&xxe;\" xmlUrl=\"https://x.example/&xxe;\"/></body></opml>";
        try {
            List<OpmlOutline> outlines = read(xml);
            assertFalse(outlines.toString().contains("TOP-SECRET-OPML"), outlines.toString());
        } catch (FeedParseException rejected) {
            assertFalse(rejected.getMessage().contains("TOP-SECRET-OPML"), rejected.getMessage());
        }
    }

    @Test
    void externalDtdIsNotFetched() throws Exception {
        // an unreachable DTD would hang or fail if it were fetched
        List<OpmlOutline> outlines = read("<?xml version=\"1.0\"?><!DOCTYPE opml SYSTEM \"http://127.0.0.1:9/opml.dtd\">"
                + "<opml version=\"1.0\"><body><outline text=\"A\" xmlUrl=\"https://a.example/feed\"/></body></opml>");
        assertEquals(1, outlines.size());
    }

    @Test
    void entityBombIsStopped() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\">");
        String prev = "a";
        for (int i = 0; i < 10; i++) {
            xml.append("<!ENTITY e").append(i).append(" \"").append(("&" + prev + ";").repeat(10)).append("\">");
            prev = "e" + i;
        }
        xml.append("]><opml version=\"2.0\"><body><outline text=\"&").append(prev).append(";\" xmlUrl=\"https://b.example/\"/></body></opml>");
        FeedParseException e = assertThrows(FeedParseException.class, () -> read(xml.toString()));
        assertTrue(e.getMessage().contains("entity"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty              | ''                                           | empty OPML file",
            "white space        | '  \n '                                      | empty OPML file",
            "not xml            | hello                                        | not a valid OPML file",
            "truncated          | <opml version='2.0'><body><outline text='a'  | the OPML file is truncated",
            "rss instead        | <rss version='2.0'><channel/></rss>          | not an OPML file: the root element is <rss>",
            "no body            | <opml version='2.0'><head/></opml>           | not a valid OPML file: it has no <body>"})
    void badOpmlGivesASpecificError(String name, String xml, String message) {
        FeedParseException e = assertThrows(FeedParseException.class, () -> read(xml));
        assertTrue(e.getMessage().startsWith(message), name + ": " + e.getMessage());
    }

    @Test
    void romeOpml2FixtureReadsFoldersAsCategories() throws Exception {
        String prop = System.getProperty("cryptosec.shared.data", "../shared/data");
        Path file = Path.of(prop, "feeds/rome/rome-opml/src/test/resources/opml_2.0.xml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared data absent: " + file);
        List<OpmlOutline> outlines = Opml.read(Files.readAllBytes(file));
        assertEquals(11, outlines.size());
        assertEquals(new OpmlOutline("Bloglines | News", "http://www.bloglines.com/rss/about/news",
                "http://www.bloglines.com", "Subscriptions"), outlines.get(0));
        assertEquals("nerdy", outlines.get(4).category());
        assertEquals("The Register", outlines.get(4).title());
    }

    @Test
    void netNewsWireOpmlWithoutTitleAttributesUsesText() throws Exception {
        String prop = System.getProperty("cryptosec.shared.data", "../shared/data");
        Path file = Path.of(prop, "feeds/netnewswire/SubsNoTitleAttributes.opml");
        Assumptions.assumeTrue(Files.isRegularFile(file), "shared data absent: " + file);
        List<OpmlOutline> outlines = Opml.read(Files.readAllBytes(file));
        assertFalse(outlines.isEmpty());
        for (OpmlOutline o : outlines) {
            assertFalse(o.title() == null || o.title().isBlank(), o.toString());
            assertTrue(o.xmlUrl().startsWith("http"), o.toString());
        }
    }
}
