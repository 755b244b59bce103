package org.cryptosec.reader.search;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.Author;

/** Articles for the search tests, written for them (the seed article's title, short invented bodies). */
final class TestArticles {

    static final long SEED = 1;
    static final long ENGLISH_BRIDGE = 2;
    static final long OTHER_BULT = 3;
    static final long DUTCH_BITCOIN = 4;
    static final long ENGLISH_DEFI = 5;

    private TestArticles() {
    }

    static Article article(long id, String lang, String title, String text, String source,
            List<String> authors, List<String> tags) {
        return new Article(id, 1, "guid-" + id, "https://example.org/a/" + id, title, source,
                authors.stream().map(Author::named).collect(Collectors.toList()),
                Instant.parse("2022-02-07T10:00:00Z").plusSeconds(id * 3600), lang, 2, null, tags,
                "<p>" + text + "</p>", text, Instant.parse("2024-01-01T00:00:00Z"));
    }

    /**
     * The seed-like doc. Its body avoids every form of "hack" and "exchange" so only stemming of
     * the title can make hacken/gehackt/exchange find it.
     */
    static Article seed() {
        return article(SEED, "nl", "Noord-Korea hackt opnieuw exchanges voor ontwikkeling kernwapens",
                "Volgens een nieuw rapport van de Verenigde Naties bekostigt het land zijn rakettesten "
                        + "vooral met gestolen crypto. Het gaat om honderden miljoenen dollars.",
                "Crypto Insiders", List.of("Timo Bult"), List.of("Noord-Korea", "Regulering"));
    }

    static List<Article> corpus() {
        return List.of(
                seed(),
                article(ENGLISH_BRIDGE, "en", "Attackers drain cross-chain bridge",
                        "The attackers hacked the bridge and laundered the stolen funds through mixers. "
                                + "Analysts traced the wallets to a known group.",
                        "Rekt News", List.of("Ann Walker"), List.of("Bridges", "DeFi")),
                article(OTHER_BULT, "nl", "Bitvavo breidt uit naar Duitsland",
                        "De handelsplatform groeit snel en opent een kantoor in Berlijn.",
                        "Crypto Insiders", List.of("Jan Bult", "Timo de Vries"), List.of("Bitvavo")),
                article(DUTCH_BITCOIN, "nl", "Bitcoin koers stijgt na goedkeuring",
                        "De bitcoin koers stijgt snel; ook ether volgt. Analisten verwachten dat de hack "
                                + "van vorige week geen invloed meer heeft.",
                        "Bitcoin Nieuws", List.of("Sanne Visser"), List.of("Bitcoin")),
                article(ENGLISH_DEFI, "en", "Lending protocol exploited for $20 million",
                        "A flash loan let the exploiter manipulate the oracle price. The team paused "
                                + "the contracts and offered a bounty.",
                        "The Block", List.of("Ann Walker", "Joe Smith"), List.of("DeFi", "Exploits")));
    }

    /** "1 2 5" → {1, 2, 5}; blank → {}. For table tests. */
    static java.util.Set<Long> idSet(String expected) {
        return expected == null || expected.isBlank() ? java.util.Set.of()
                : Arrays.stream(expected.trim().split(" ")).map(Long::parseLong).collect(Collectors.toSet());
    }

    static String words(String... w) {
        return Arrays.stream(w).collect(Collectors.joining(" "));
    }
}
