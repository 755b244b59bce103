package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cross-language synonyms from resources/search/synonyms.txt, applied at query time, both ways. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SynonymSearchTest {

    static final long NK_EXCHANGE_EN = 101;
    static final long SCAM_EN = 102;
    static final long PORTEMONNEE_NL = 103;
    static final long LAZARUS_EN = 104;
    static final long SANCTIES_NL = 105;
    static final long UNRELATED_EN = 106;

    @TempDir
    static Path dir;

    private ArticleIndex index;

    @BeforeAll
    void indexArticles() {
        index = ArticleIndex.open(dir);
        TestArticles.corpus().forEach(index::index);
        index.index(TestArticles.article(NK_EXCHANGE_EN, "en", "Exchange hacked, North Korea suspected",
                "Investigators say funds were stolen from the hot wallet and moved through a mixer.",
                "The Block", List.of("Ann Walker"), List.of()));
        index.index(TestArticles.article(SCAM_EN, "en", "Romance scam victims lose savings",
                "The theft of their savings went unnoticed for months.", "Decrypt", List.of("Joe Smith"), List.of()));
        index.index(TestArticles.article(PORTEMONNEE_NL, "nl", "Zo bewaar je een portemonnee veilig",
                "Schrijf je herstelzin op papier en bewaar hem thuis.", "Bitcoin Nieuws", List.of("Sanne Visser"), List.of()));
        index.index(TestArticles.article(LAZARUS_EN, "en", "Lazarus moves funds again",
                "The group bridged ether to bitcoin.", "Rekt News", List.of("Ann Walker"), List.of()));
        index.index(TestArticles.article(SANCTIES_NL, "nl", "Nieuwe sancties tegen mixers",
                "De Amerikaanse overheid legt sancties op aan een mixer.", "Crypto Insiders", List.of("Timo Bult"), List.of()));
        index.index(TestArticles.article(UNRELATED_EN, "en", "Gardening in spring",
                "Tomatoes need sun and water.", "Garden", List.of("X"), List.of()));
        index.commit();
    }

    @AfterAll
    void close() {
        index.close();
    }

    private Set<Long> ids(String q) {
        return index.search(new SearchQuery(q, 50)).hits().stream().map(h -> h.articleId()).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "\"{0}\" finds {1}")
    @CsvSource(delimiter = '|', value = {
        // English → Dutch
        "North Korea exchange hack  | 1",
        "north korea                | 1",
        "DPRK                       | 1",
        "sanctions                  | 105",
        "wallet                     | 103",
        // Dutch → English
        "Noord-Korea beurs gehackt  | 1 101",
        "Noord-Korea gestolen       | 1 101",
        "handelsplatform gehackt    | 1 101",
        "oplichting                 | 102",
        "diefstal                   | 102",
        "portemonnee                | 101 103",
    })
    void queryInOneLanguageFindsArticlesInTheOther(String query, String mustInclude) {
        Set<Long> found = ids(query);
        for (String id : mustInclude.trim().split(" ")) {
            assertTrue(found.contains(Long.parseLong(id)), query + " should find " + id + ", found " + found);
        }
        assertFalse(found.contains(UNRELATED_EN), query + " → " + found);
    }

    @Test
    void englishQueryPutsTheDutchSeedFirst() {
        SearchResult r = index.search(new SearchQuery("North Korea exchange hack", 10));
        assertEquals(Set.of(TestArticles.SEED, NK_EXCHANGE_EN),
                r.hits().stream().map(h -> h.articleId()).collect(Collectors.toSet()), r.toString());
        assertTrue(r.hits().stream().anyMatch(h -> h.snippet().contains("<b>")), r.toString());
    }

    @Test
    void oneWayRuleExpandsOnlyFromTheLeft() {
        assertTrue(ids("North Korea").contains(LAZARUS_EN));
        assertEquals(Set.of(LAZARUS_EN), ids("lazarus"));
    }

    @Test
    void phraseInQuotesIsSearchedExactly() {
        assertEquals(Set.of(NK_EXCHANGE_EN), ids("\"North Korea\""));
        assertEquals(Set.of(TestArticles.SEED), ids("\"Noord-Korea\""));
    }

    @Test
    void fieldQueriesExpandToo() {
        assertTrue(ids("title:beurs").contains(NK_EXCHANGE_EN));
    }

    @Test
    void manySynonymWordsStayWithinTheClauseLimits() {
        String q = "hack exchange stolen wallet scam theft sanctions police court bitcoin ethereum malware phishing "
                + "ransomware mixer bridge hacker attack regulation government investigation million billion funds";
        SearchResult r = index.search(new SearchQuery(q, 10));
        assertTrue(r.total() > 0, r.toString());
    }

    @Test
    void manySynonymPhrasesEndInAResultNotAnError() {
        String q = "north korea private key seed phrase smart contract money laundering data breach rug pull united states "
                + "united nations decentralized finance crypto exchange mixing service cross-chain bridge exit scam "
                + "recovery phrase data leak zwakke plek crypto wallet kwaadaardige software";
        ArticleQueryBuilder builder = new ArticleQueryBuilder(IndexAnalyzers.perField(), Synonyms.bundled());
        assertTrue(ArticleQueryBuilder.countLeaves(builder.plainWords(q, Synonyms.bundled()).strict())
                > ArticleQueryBuilder.MAX_LEAF_CLAUSES, "with all its synonyms the query is over the clause limit");
        assertTrue(ArticleQueryBuilder.countLeaves(builder.plainWords(q).strict()) <= ArticleQueryBuilder.MAX_LEAF_CLAUSES);
        SearchResult r = index.search(new SearchQuery(q, 10));
        assertTrue(r.fellBackToPlainWords(), "searched as plain words without the synonyms that overflow");
    }

    /** The founding Dutch article, read from ../shared/seed when it is there. */
    @Test
    void englishQueryFindsTheRealSeedArticle(@TempDir Path other) throws IOException {
        String prop = System.getProperty("cryptosec.shared.data");
        Path data = prop == null || prop.isBlank() ? Path.of("../shared/data") : Path.of(prop);
        Path seed = data.resolveSibling("seed").resolve("000_4633fc1cebb30e0a.txt");
        assumeTrue(Files.isRegularFile(seed), "seed article not found at " + seed);
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        String title = lines.stream().filter(l -> l.startsWith("Noord-Korea hackt")).findFirst().orElseThrow();
        String body = String.join("\n", lines);
        try (ArticleIndex real = ArticleIndex.open(other)) {
            real.index(TestArticles.article(1, "nl", title, body, "Crypto Insiders", List.of("Timo Bult"), List.of()));
            real.index(TestArticles.article(2, "en", "Gardening in spring", "Tomatoes need sun.", "G", List.of("X"), List.of()));
            real.commit();
            for (String q : List.of("North Korea exchange hack", "North Korea sanctions", "nuclear weapons OR kernwapens",
                    "stolen crypto")) {
                SearchResult r = real.search(new SearchQuery(q, 5));
                assertEquals(1, r.total(), q + " → " + r);
                assertEquals(1, r.hits().get(0).articleId());
            }
        }
    }

    @ParameterizedTest(name = "\"{0}\" is rewritten to \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "North Korea exchange hack      | \"North Korea\" exchange hack",
        "hack in north   korea          | hack in \"north korea\"",
        "(north korea OR dprk)          | (\"north korea\" OR dprk)",
        "-north korea                   | -\"north korea\"",
        "\"north korea\" hack           | \"north korea\" hack",
        "title:north korea              | title:north korea",
        "north AND korea                | north AND korea",
        "private key leaked             | \"private key\" leaked",
        "korea north                    | korea north",
    })
    void unquotedSynonymPhrasesAreQuoted(String input, String expected) {
        Set<String> keys = new HashSet<>();
        assertEquals(expected.strip(), ArticleQueryBuilder.quoteSynonymPhrases(input.strip(), Synonyms.bundled(), keys));
        assertEquals(expected.contains("\"") && !input.strip().startsWith("\""), !keys.isEmpty());
    }

    @Test
    void bundledFileHasAtLeastTwentyFiveGroupsAndTheCoreTerms() throws IOException {
        Synonyms s = Synonyms.bundled();
        try (var in = Synonyms.class.getResourceAsStream(Synonyms.RESOURCE)) {
            long groups = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.strip().startsWith("#")).count();
            assertTrue(groups >= 25, groups + " groups");
        }
        assertTrue(s.expand("North Korea").contains("noord-korea"));
        assertTrue(s.expand("Noord-Korea").contains("dprk"));
        assertTrue(s.expand("hack").containsAll(List.of("gehackt", "hacken", "hackt", "exploit")));
        assertTrue(s.expand("exchange").containsAll(List.of("beurs", "handelsplatform", "cryptobeurs")));
        assertTrue(s.expand("gestolen").contains("stolen"));
        assertTrue(s.expand("sancties").contains("sanctions"));
        assertTrue(s.expand("scam").contains("oplichting"));
        assertTrue(s.expand("wallet").contains("portemonnee"));
        assertTrue(s.expand("theft").contains("diefstal"));
        assertEquals(List.of(), s.expand("tomato"));
    }

    @Test
    void parsingNormalisesCaseAccentsAndPunctuation() throws IOException {
        Synonyms s = Synonyms.parse(new StringReader("# comment\n\nPrivé-Sleutel, private key\na, b => c\n"));
        assertEquals(List.of("private key"), s.expand("prive sleutel"));
        assertEquals(List.of("Privé-Sleutel"), s.expand("PRIVATE  KEY"));
        assertEquals(List.of("b", "c"), s.expand("a"));
        assertEquals(List.of(), s.expand("c"));
    }

    @ParameterizedTest(name = "line \"{0}\" is rejected")
    @CsvSource(delimiter = '|', value = {
        "lonely                           | needs at least two",
        "a => b => c                      | more than one",
        "a, b =>                          | empty side",
        "a, !!!                           | no letters",
        "one two three four five, x       | more than 4 words",
    })
    void malformedLinesAreReportedWithTheirNumber(String line, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synonyms.parse(new StringReader("# header\n" + line + "\n")));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains(message.strip()), e.getMessage());
    }
}
