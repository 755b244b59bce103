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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "year=21        | the year filter is a year such as 2022, not '21'",
        "year=2021a     | the year filter is a year such as 2022, not '2021a'",
        "month=2022-13  | the month filter is a month such as 2022-03, not '2022-13'",
        "month=2022     | the month filter is a month such as 2022-03, not '2022'",
        "'source=   '   | the source filter has no value",
        "lang=nl-NL     | the lang filter is a language code such as nl or en, not 'nl-nl'",
        "lang=dutch1    | the lang filter is a language code such as nl or en, not 'dutch1'",
    })
    void searchRefusesAFilterValueOfAFormTheIndexNeverHoldsInsteadOfFindingNothing(String filter, String message) {
        Run r = run("search", "hack", "--filter", filter);
        assertEquals(Cli.EXIT_USAGE, r.code(), r.out());
        assertTrue(r.err().contains(message), r.err());
        Run saved = run("saved", "add", "Bad", "hack", "--filter", filter);
        assertEquals(Cli.EXIT_USAGE, saved.code(), "saved add says the same, as a usage error");
        assertTrue(saved.err().contains(message), saved.err());
    }

    @Test
    void aLanguageFilterIsTakenInAnyCase() {
        Run r = run("search", "hack", "--filter", "lang=NL");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1 hit for hack\n"), r.out());
    }

    @Test
    void aSearchOfOnlyFiltersNamesTheFiltersInItsHeading() {
        Run r = run("search", "--filter", "source=Rekt News", "--filter", "year=2021");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("1 hit for source=Rekt News, year=2021\n"), r.out());
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
    void aSavedSearchKeepsItsFiltersAndSortAndCountsOnlyTheHitsPassingThem() throws Exception {
        Run add = run("saved", "add", "Rekt hacks", "hack", "--filter", "source=Rekt News", "--sort", "date", "--json");
        assertEquals(0, add.code(), add.err());
        long id = add.json().get("id").asLong();
        assertEquals("source=Rekt News", add.json().get("filters").get(0).asText());
        assertEquals("date", add.json().get("sort").asText());
        assertEquals(2, add.json().get("unread").asInt(), "three articles say hack, two of them from Rekt News");

        Run list = run("saved", "list");
        assertTrue(list.out().contains("[" + id + "] Rekt hacks  (2 unread)"), list.out());
        assertTrue(list.out().contains("--filter \"source=Rekt News\" --sort date"), list.out());

        JsonNode shown = run("saved", "show", Long.toString(id), "--json").json();
        assertEquals(2, shown.get("result").get("total").asInt());
        assertEquals("North Korea linked to bridge hack", shown.get("result").get("hits").get(0).get("title").asText(),
                "newest first");

        Run edit = run("saved", "edit", Long.toString(id), "--no-filters", "--sort", "relevance", "--json");
        assertEquals(0, edit.code(), edit.err());
        assertEquals(0, edit.json().get("filters").size());
        assertEquals("relevance", edit.json().get("sort").asText());
        assertEquals(3, edit.json().get("unread").asInt());
        assertEquals("hack", edit.json().get("query").asText(), "what edit was not given stays");

        Run refilter = run("saved", "edit", Long.toString(id), "--filter", "lang=nl", "--filter", "year=2022", "--json");
        assertEquals(List.of("lang=nl", "year=2022"), List.of(refilter.json().get("filters").get(0).asText(),
                refilter.json().get("filters").get(1).asText()));
        assertEquals(1, refilter.json().get("unread").asInt());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', quoteCharacter = '^', value = {
        "lang=nl                      | lang=nl",
        "source=Rekt News             | \"source=Rekt News\"",
        "tag=$ETH                     | 'tag=$ETH'",
        "author=Sean O'Brien          | \"author=Sean O'Brien\"",
        "tag=say \"hi\" it's $5        | 'tag=say \"hi\" it'\\''s $5'",
        "tag=a\\b                     | 'tag=a\\b'",
        "source=Bitcoin News (Yahoo)  | \"source=Bitcoin News (Yahoo)\"",
        "tag=(x)                      | \"tag=(x)\"",
    })
    void savedSearchFiltersArePrintedAsOneShellWordEach(String filter, String printed) throws Exception {
        Run add = run("saved", "add", "Pasteable", "hack", "--filter", filter);
        assertEquals(0, add.code(), add.err());
        assertTrue(add.out().contains("  --filter " + printed + " --sort relevance"), add.out());
        assertTrue(run("saved", "list").out().contains("--filter " + printed + " "), "list prints the same");
        java.nio.file.Path sh = java.nio.file.Path.of("/bin/sh");
        if (java.nio.file.Files.isExecutable(sh)) { // pasted into a shell, it is the filter as typed
            Process p = new ProcessBuilder(sh.toString(), "-c", "printf '%s' " + printed).redirectErrorStream(true).start();
            String echoed = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(filter, echoed);
        }
    }

    @Test
    void aSavedSearchMayBeOnlyFilters() throws Exception {
        Run add = run("saved", "add", "All of Rekt", "--filter", "source=Rekt News", "--json");
        assertEquals(0, add.code(), add.err());
        assertEquals("", add.json().get("query").asText());
        assertEquals(2, add.json().get("unread").asInt());
        Run show = run("saved", "show", add.json().get("id").asText());
        assertTrue(show.out().contains("2 hits for source=Rekt News"), show.out());
    }

    @Test
    void savedAddRejectsBadFiltersSortsAndEmptySearchesAsUsageErrors() throws Exception {
        Run none = run("saved", "add", "Nothing");
        assertEquals(Cli.EXIT_USAGE, none.code());
        assertTrue(none.err().contains("give a QUERY or at least one --filter"), none.err());
        Run facet = run("saved", "add", "Colour", "hack", "--filter", "colour=red");
        assertEquals(Cli.EXIT_USAGE, facet.code());
        assertTrue(facet.err().contains("unknown facet 'colour'"), facet.err());
        Run sort = run("saved", "add", "Sideways", "hack", "--sort", "sideways");
        assertEquals(Cli.EXIT_USAGE, sort.code());
        assertTrue(sort.err().contains("unknown sort 'sideways'"), sort.err());
        Run both = run("saved", "edit", "1", "--filter", "lang=nl", "--no-filters");
        assertEquals(Cli.EXIT_USAGE, both.code());
        Run missing = run("saved", "edit", "99", "--sort", "date");
        assertEquals(Cli.EXIT_FAILURE, missing.code());
        assertTrue(missing.err().contains("No saved search with id 99"), missing.err());
        assertEquals(0, run("saved", "list", "--json").json().size(), "nothing was saved");
    }

    @Test
    void aBrokenUserSynonymLineIsWarnedAboutOnStderrAndTheCommandStillWorks() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("synonyms.txt"), "whale, walvis\nonly-one\n");
        Run r = run("search", "North", "Korea", "--json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("warning: synonyms: " + dir.resolve("synonyms.txt") + ": line 2 needs at least"),
                r.err());
        assertEquals(2, r.json().get("total").asInt(), "the shipped synonyms still apply");
    }

    @Test
    void aGroupInTheDataFoldersSynonymFileWidensSearchesBothWaysAndOnlyThoseWords() throws Exception {
        assertEquals(0, run("search", "brugwerk", "--json").json().get("total").asInt(), "no such word in the library");
        java.nio.file.Files.writeString(dir.resolve("synonyms.txt"), "# mine\nbrugwerk, bridge\n");
        Run r = run("search", "brugwerk", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "a good file gives no warning");
        assertEquals(1, r.json().get("total").asInt());
        assertEquals("North Korea linked to bridge hack", r.json().get("hits").get(0).get("title").asText());
        assertEquals(1, run("search", "bridge", "--json").json().get("total").asInt(), "bridge finds only itself here");
        assertEquals(0, run("search", "brugwerk", "--filter", "lang=nl", "--json").json().get("total").asInt(),
                "filters still apply to the widened search");
    }

    @Test
    void relatedListsSimilarArticles() throws Exception {
        Run r = run("related", "2", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(2, r.json().get("article").asInt());
        assertEquals(Cli.EXIT_FAILURE, run("related", "999").code());
    }
}
