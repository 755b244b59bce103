package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** More-like-this for an article, and crypto tokens (addresses, hashes, ENS names, tickers) kept whole. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelatedAndTokensTest {

    static final String P2SH = "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy";
    static final String TX = "0x5C504ED432CB51138BCF09AA5E8A410DD4A1E204EF84BFED1BE16DFBA1B22060";

    @TempDir
    static Path dir;

    private ArticleIndex index;

    @BeforeAll
    void indexArticles() {
        index = ArticleIndex.open(dir);
        index.index(TestArticles.article(1, "en", "Bridge exploit: validator keys compromised",
                "Attackers compromised validator keys of the Ronin bridge and drained ether and USDC. The bridge "
                        + "validators were too few; the multisig threshold was five of nine validator keys.",
                "Rekt News", List.of("Ann Walker"), List.of("Bridges")));
        index.index(TestArticles.article(2, "en", "Another bridge loses validator keys",
                "Harmony bridge validator keys were compromised; a two of five multisig let attackers drain the bridge.",
                "Rekt News", List.of("Ann Walker"), List.of("Bridges")));
        index.index(TestArticles.article(3, "en", "Oracle manipulation on a lending market",
                "A flash loan moved the oracle price and the lending market was drained of USDC.",
                "The Block", List.of("Joe Smith"), List.of("DeFi")));
        index.index(TestArticles.article(4, "nl", "Bitcoin koers stijgt",
                "De koers van bitcoin stijgt na het nieuws over de ETF.", "Bitcoin Nieuws", List.of("S"), List.of()));
        index.index(TestArticles.article(5, "en", "Name service phishing",
                "The phisher registered vitalikwallet.eth and asked victims to send $ETH to vitalik.eth lookalikes; "
                        + "funds went to " + P2SH + " in tx " + TX + ".",
                "Decrypt", List.of("Joe Smith"), List.of()));
        index.index(TestArticles.article(6, "en", "Ether price",
                "ETH traded flat while eth staking grew.", "CoinDesk", List.of("Z"), List.of()));
        for (int i = 10; i < 20; i++) {
            index.index(TestArticles.article(i, "en", "Market wrap " + i, "Prices moved sideways today number " + i
                    + " with little news.", "Wrap", List.of("W"), List.of()));
        }
        index.commit();
    }

    @AfterAll
    void close() {
        index.close();
    }

    @Test
    void relatedArticlesShareTheTellingWordsAndExcludeTheArticleItself() {
        List<SearchHit> related = index.related(1, 5);
        assertFalse(related.isEmpty());
        assertEquals(2, related.get(0).articleId(), related.toString());
        assertTrue(related.stream().noneMatch(h -> h.articleId() == 1));
        assertTrue(related.stream().noneMatch(h -> h.articleId() == 4), "a Dutch price article is not related");
    }

    @Test
    void relatedOfAnUnknownIdIsEmptyAndLimitIsHonoured() {
        assertEquals(List.of(), index.related(999, 5));
        assertTrue(index.related(1, 1).size() <= 1);
    }

    private Set<Long> ids(String q) {
        SearchResult r = index.search(new SearchQuery(q, 50));
        return r.hits().stream().map(SearchHit::articleId).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "{0} finds the phishing article only")
    @ValueSource(strings = {"vitalik.eth", "VITALIK.ETH", "vitalikwallet.eth", P2SH, TX, "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"})
    void ensNamesAddressesAndHashesAreWholeTokens(String query) {
        assertEquals(Set.of(5L), ids(query), query);
    }

    @Test
    void partOfAnEnsNameIsNotAMatch() {
        assertEquals(Set.of(), ids("vitalik"));
    }

    @Test
    void dollarTickerMatchesTheTickerWithAndWithoutTheSign() {
        // and, through the synonyms, ether (article 1)
        assertEquals(Set.of(1L, 5L, 6L), ids("$ETH"));
        assertEquals(Set.of(1L, 5L, 6L), ids("ETH"));
        assertEquals(Set.of(5L, 6L), ids("\"$ETH\""));
    }
}
