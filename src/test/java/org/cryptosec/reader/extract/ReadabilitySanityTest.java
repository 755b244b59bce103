package org.cryptosec.reader.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.cryptosec.reader.model.Author;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A quick sanity table over a few of Mozilla Readability's test pages (source.html + expected-metadata.json + expected.html):
 * title, byline, language, and a bag-of-words F1 of the body text. Not the benchmark, just a tripwire.
 */
class ReadabilitySanityTest {

    private final ArticleExtractor extractor = new ArticleExtractor();

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "aclu, true",
        "medicalnewstoday, true",
        "lemonde-1, false",
        "gitlab-blog, true",
        "schema-org-context-object, true",
        "guardian-1, true",
        "medium-1, true",
        "wikipedia-3, false",
        "blogger, false",
        "la-nacion, false",
        "base-url-base-element-relative, false",
    })
    void extractionAgreesWithReadabilityExpectations(String page, boolean checkByline) throws IOException {
        Path data = Fixtures.sharedData();
        Path dir = data == null ? null : data.resolve("extraction/readability").resolve(page);
        Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "readability test pages not found in the shared data folder");
        JsonNode expected = new ObjectMapper().readTree(dir.resolve("expected-metadata.json").toFile());
        ExtractedArticle a = extractor.extract(Files.readString(dir.resolve("source.html")), "http://fakehost/test/page.html");

        String title = expected.path("title").asText("");
        assertTrue(norm(title).startsWith(norm(a.title())) && !a.title().isBlank(), "title: expected " + title + ", got " + a.title());
        if (checkByline) {
            String byline = norm(expected.path("byline").asText(""));
            for (Author au : a.authors()) {
                assertTrue(byline.contains(norm(au.name())), "author " + au.name() + " not in byline " + byline);
            }
            assertTrue(!a.authors().isEmpty(), "no author found; expected " + byline);
        }
        String lang = expected.path("lang").asText("");
        if (!lang.isEmpty()) {
            assertEquals(lang.substring(0, 2).toLowerCase(Locale.ROOT), a.lang());
        }
        String expectedText = Jsoup.parse(Files.readString(dir.resolve("expected.html"))).text();
        double f1 = bagOfWordsF1(expectedText, a.text());
        assertTrue(f1 >= 0.9, "body F1 " + f1 + " below 0.9");
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static double bagOfWordsF1(String expected, String got) {
        Set<String> e = new HashSet<>(Arrays.asList(norm(expected).split(" ")));
        Set<String> g = new HashSet<>(Arrays.asList(norm(got).split(" ")));
        Set<String> both = new HashSet<>(e);
        both.retainAll(g);
        if (e.isEmpty() || g.isEmpty()) {
            return 0;
        }
        double p = both.size() / (double) g.size();
        double r = both.size() / (double) e.size();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
}
