package org.cryptosec.reader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.store.ArticleRepository;
import org.cryptosec.reader.store.Database;
import org.cryptosec.reader.store.FeedRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** search --sort/--facets/--filter, related, saved list|add|remove|show, in-process on a real library. */
class SearchCommandsTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new CliContext(Library::open, dir, new PrintWriter(out), new PrintWriter(err)), args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void library() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            Feed feed = new FeedRepository(db).add(Feed.newFeed("https://news.example/feed", "News", null, null));
            ArticleRepository articles = new ArticleRepository(db);
            String[][] rows = {
                {"Noord-Korea hackt opnieuw exchanges", "nl", "2022-02-07", "Crypto Insiders"},
                {"North Korea linked to bridge hack", "en", "2023-03-01", "Rekt News"},
                {"Exchange hack drains hot wallet", "en", "2021-06-01", "Rekt News"},
            };
            for (String[] r : rows) {
                articles.insert(new Article(0, feed.id(), r[0], "https://news.example/" + r[0].hashCode(), r[0], r[3],
                        List.of(new org.cryptosec.reader.store.AuthorRepository(db).upsert(Author.named("Ann Walker"))), Instant.parse(r[2] + "T10:00:00Z"), r[1], 1, null,
                        List.of("Hacks"), "<p>x</p>", r[0] + " body text.", Instant.parse("2024-01-01T00:00:00Z")), null, null);
            }
        }
    }

    @Test
    void searchSortsByDateAndPrintsFacetsAsJson() throws Exception {
        Run r = run("search", "hack", "--sort", "date", "--facets", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = r.json();
        assertEquals(3, doc.get("total").asInt());
        assertEquals("North Korea linked to bridge hack", doc.get("hits").get(0).get("title").asText());
        assertEquals("Exchange hack drains hot wallet", doc.get("hits").get(2).get("title").asText());
        assertEquals("Rekt News", doc.get("facets").get("source").get(0).get("value").asText());
        assertEquals(2, doc.get("facets").get("source").get(0).get("count").asInt());
        assertEquals(3, doc.get("facets").get("year").size());
    }

    @Test
    void searchFiltersByFacetAndPrintsFacetLines() {
        Run r = run("search", "North", "Korea", "--filter", "lang=nl", "--facets");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1 hit for North Korea"), r.out());
        assertTrue(r.out().contains("source: Crypto Insiders (1)"), r.out());
        Run byYear = run("search", "--filter", "year=2021", "--json");
        assertEquals(0, byYear.code(), byYear.err());
        assertTrue(byYear.out().contains("Exchange hack drains hot wallet"), byYear.out());
    }

    @Test
    void badSortOrFilterIsAUsageError() {
        Run sort = run("search", "hack", "--sort", "sideways");
        assertEquals(Cli.EXIT_USAGE, sort.code());
        assertTrue(sort.err().contains("unknown sort"), sort.err());
        Run filter = run("search", "hack", "--filter", "colour=red");
        assertEquals(Cli.EXIT_USAGE, filter.code());
        assertTrue(filter.err().contains("unknown facet"), filter.err());
        assertEquals(Cli.EXIT_USAGE, run("search").code());
    }

    @Test
    void savedSearchesCanBeAddedListedShownAndRemoved() throws Exception {
        Run add = run("saved", "add", "DPRK", "North", "Korea", "--json");
        assertEquals(0, add.code(), add.err());
        long id = add.json().get("id").asLong();
        assertEquals(2, add.json().get("unread").asInt());
        Run list = run("saved", "list");
        assertTrue(list.out().contains("[" + id + "] DPRK  (2 unread)"), list.out());
        Run show = run("saved", "show", Long.toString(id), "--json");
        assertEquals(2, show.json().get("result").get("total").asInt());
        assertEquals(Cli.EXIT_FAILURE, run("saved", "add", "dprk", "x").code());
        assertEquals(0, run("saved", "remove", Long.toString(id)).code());
        Run again = run("saved", "remove", Long.toString(id));
        assertEquals(Cli.EXIT_FAILURE, again.code());
        assertTrue(again.err().contains("No saved search with id " + id), again.err());
    }

    @Test
    void relatedListsSimilarArticles() throws Exception {
        Run r = run("related", "2", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.json().get("article").asInt());
        assertEquals(Cli.EXIT_FAILURE, run("related", "999").code());
    }
}
