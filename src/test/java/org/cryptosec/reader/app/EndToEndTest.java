package org.cryptosec.reader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.testing.FixtureSite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path through the CLI against a fixture site on 127.0.0.1: subscribe by the site's URL,
 * refresh, search, show the article with its author and bio, then read it again with the server gone.
 */
class EndToEndTest {

    @TempDir
    Path dataDir;

    @Test
    void subscribeRefreshSearchAndReadTheSeedArticleOffline() throws Exception {
        CliRunner cli = new CliRunner(dataDir);
        long articleId;
        JsonNode shownOnline;
        try (FixtureSite site = new FixtureSite()) {
            CliRunner.Result added = cli.run("--json", "feeds", "add", site.url("/"));
            assertEquals(0, added.code(), added.err());
            assertEquals(site.url(FixtureSite.FEED_PATH), added.json().get("url").asText(),
                    "discovery picks the main feed, not the comments feed listed first");
            assertEquals("Crypto Insiders", added.json().get("title").asText());

            CliRunner.Result refreshed = cli.run("refresh", "--json");
            assertEquals(0, refreshed.code(), refreshed.err());
            JsonNode report = refreshed.json();
            assertEquals(2, report.get("newArticles").asInt());
            assertEquals("ok", report.get("feeds").get(0).get("status").asText());
            assertTrue(refreshed.err().contains("[1/1]"), "progress on stderr: " + refreshed.err());

            CliRunner.Result again = cli.run("--json", "refresh");
            assertEquals("not-modified", again.json().get("feeds").get(0).get("status").asText());
            assertEquals(1, site.notModifiedAnswers(), "the second refresh is a conditional GET answered 304");
            assertEquals(0, again.json().get("newArticles").asInt());

            assertEquals(0, site.server().hits(FixtureSite.PIXEL_PATH), "the tracking pixel is never fetched");

            JsonNode hits = search(cli, "hacken");
            assertTrue(hits.get("total").asInt() >= 1, "Dutch stemming: 'hacken' finds 'hackt': " + hits);
            JsonNode hit = hits.get("hits").get(0);
            assertEquals("Noord-Korea hackt opnieuw exchanges voor ontwikkeling kernwapens", hit.get("title").asText());
            assertTrue(hit.get("snippet").asText().contains("<b>"), hit.toString());
            assertEquals("nl", hit.get("lang").asText());
            articleId = hit.get("id").asLong();

            assertEquals(articleId, search(cli, "exchange").get("hits").get(0).get("id").asLong(),
                    "'exchange' finds 'exchanges'");
            assertEquals(2, search(cli, "author:\"Timo Bult\"").get("total").asInt());
            JsonNode malformed = search(cli, "title:(kernwapens");
            assertTrue(malformed.get("total").asInt() >= 1, "a query the parser rejects is searched as words");

            CliRunner.Result shown = cli.run("show", String.valueOf(articleId), "--json");
            assertEquals(0, shown.code(), shown.err());
            shownOnline = shown.json();
            assertSeedArticle(shownOnline);

            CliRunner.Result author = cli.run("--json", "author", "Timo Bult");
            assertEquals(0, author.code(), author.err());
            assertEquals(2, author.json().get("articles").size(), "one author across both articles");
            assertTrue(author.json().get("bio").asText().startsWith("Timo is hoofdredacteur"));

            CliRunner.Result authors = cli.run("--json", "authors");
            assertEquals(1, authors.json().size(), authors.out());
        }

        // The server is gone: everything is read from the library.
        CliRunner.Result offline = cli.run("show", String.valueOf(articleId), "--json");
        assertEquals(0, offline.code(), offline.err());
        assertSeedArticle(offline.json());
        assertEquals(shownOnline.get("html").asText(), offline.json().get("html").asText());
        CliRunner.Result text = cli.run("show", String.valueOf(articleId));
        assertTrue(text.out().contains("About Timo Bult:"), text.out());

        try (Library library = Library.open(dataDir)) {
            String html = library.offlineHtml(articleId);
            assertTrue(html.contains("src=\"data:image/jpeg;base64,"), "images come from the library");
            assertFalse(html.matches("(?s).*src=\"https?:.*"), "nothing in the reader loads from the network");
        }
    }

    private static void assertSeedArticle(JsonNode a) {
        assertEquals("Noord-Korea hackt opnieuw exchanges voor ontwikkeling kernwapens", a.get("title").asText());
        assertEquals("Timo Bult", a.get("authors").get(0).get("name").asText());
        assertTrue(a.get("authors").get(0).get("bio").asText().startsWith("Timo is hoofdredacteur van Crypto Insiders"));
        assertEquals("nl", a.get("lang").asText());
        assertEquals(2, a.get("readingMinutes").asInt());
        assertTrue(a.get("published").asText().startsWith("2022-02-07"), a.get("published").asText());
        String text = a.get("text").asText();
        for (String kept : List.of("De afgelopen tijd is Noord-Korea weer veelvuldig in het nieuws",
                "Noord-Korea en crypto", "Crypto exchange hacks",
                "Volgens een lidstaat hebben de NK-cyberacteurs",
                "Vorig jaar publiceerde de VN ook al een soortgelijk rapport")) {
            assertTrue(text.contains(kept), "body keeps: " + kept);
        }
        for (String dropped : List.of("Hoe herken je een pump", "Net binnen", "Meest gelezen", "Advertentie",
                "Deel dit artikel", "Over de auteur", "gepassioneerde voorstander", "cookie")) {
            assertFalse(text.toLowerCase().contains(dropped.toLowerCase()), "body drops: " + dropped);
        }
        String html = a.get("html").asText();
        assertTrue(html.contains("<h2"), "sub-headings kept");
        assertTrue(html.contains("<blockquote"), "quotes kept");
        for (String unsafe : List.of("<script", "<iframe", "<style", "onclick", "onerror", "javascript:")) {
            assertFalse(html.toLowerCase().contains(unsafe), "sanitized: no " + unsafe);
        }
        List<Boolean> stored = new ArrayList<>();
        a.get("images").forEach(i -> stored.add(i.get("stored").asBoolean()));
        assertFalse(stored.isEmpty(), "the article's images are listed");
        assertTrue(stored.stream().allMatch(b -> b), "every image is stored in the library: " + a.get("images"));
    }

    private static JsonNode search(CliRunner cli, String query) {
        CliRunner.Result r = cli.run("--json", "search", query, "--limit", "5");
        assertEquals(0, r.code(), r.err());
        return r.json();
    }
}
