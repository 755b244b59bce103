package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.model.Article;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real articles from ../shared/data/articles (rekt.news in English, DIVD in Dutch and English):
 * every title, pasted as a query as it is, finds its own article near the top and never errors.
 */
@Tag("corpus")
class ArticleIndexCorpusTest {

    @TempDir
    Path dir;

    private static Path articlesDir() {
        String prop = System.getProperty("cryptosec.shared.data");
        Path data = prop == null || prop.isBlank() ? Path.of("../shared/data") : Path.of(prop);
        return data.resolve("articles");
    }

    private static List<Article> load(Path jsonl, boolean rekt) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Article> out = new ArrayList<>();
        long id = rekt ? 10_000 : 20_000;
        for (String line : Files.readAllLines(jsonl)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            String title = n.path("title").asText("");
            String body = n.path("body_markdown").asText("");
            List<String> tags = new ArrayList<>();
            n.path("tags").forEach(t -> tags.add(t.asText()));
            String author = n.path("author").asText("");
            String lang = rekt ? "en" : (n.path("has_dutch").asBoolean(false) ? "nl" : "en");
            out.add(TestArticles.article(++id, lang, title, body, rekt ? "rekt.news" : "DIVD",
                    author.isBlank() ? List.of() : List.of(author), tags));
        }
        return out;
    }

    @Test
    void everyTitlePastedAsAQueryFindsItsArticle() throws IOException {
        Path rekt = articlesDir().resolve("rekt-news/rekt_articles_en.jsonl");
        Path divd = articlesDir().resolve("divd-csirt/divd_csirt_posts_cases.jsonl");
        assumeTrue(Files.isRegularFile(rekt) && Files.isRegularFile(divd),
                "shared corpus not found at " + articlesDir() + " (set -Dcryptosec.shared.data)");
        List<Article> articles = new ArrayList<>(load(rekt, true));
        articles.addAll(load(divd, false));

        try (ArticleIndex index = ArticleIndex.open(dir)) {
            articles.forEach(index::index);
            index.commit();
            assertEquals(articles.size(), index.indexedIds().size());

            List<String> misses = new ArrayList<>();
            for (Article a : articles) {
                if (a.title().isBlank()) {
                    continue;
                }
                SearchResult r = index.search(new SearchQuery(a.title(), 10));
                boolean found = r.hits().stream().anyMatch(h -> h.articleId() == a.id());
                if (!found) {
                    misses.add(a.title() + " (fellBack=" + r.fellBackToPlainWords() + ", total=" + r.total() + ")");
                }
                for (SearchHit h : r.hits()) {
                    assertFalse(h.snippet().replace("<b>", "").replace("</b>", "").contains("<"), h.snippet());
                }
            }
            // Titles like "Eleven Finance - REKT" once excluded "rekt" (the dash): every title must hit.
            assertTrue(misses.isEmpty(), misses.size() + " misses: " + misses);
        }
    }

    /** Real rekt.news tags: the tag facet counts them exactly, and filtering by one keeps exactly its articles. */
    @Test
    void realTagsAreCountedAndFilteredExactly() throws IOException {
        Path rekt = articlesDir().resolve("rekt-news/rekt_articles_en.jsonl");
        assumeTrue(Files.isRegularFile(rekt), "shared corpus not found at " + articlesDir() + " (set -Dcryptosec.shared.data)");
        List<Article> articles = load(rekt, true);
        java.util.Map<String, java.util.Set<Long>> byTag = new java.util.HashMap<>();
        for (Article a : articles) {
            for (String t : a.tags()) {
                byTag.computeIfAbsent(ArticleDocuments.facetKey(t), k -> new java.util.HashSet<>()).add(a.id());
            }
        }
        byTag.remove("");
        try (ArticleIndex index = ArticleIndex.open(dir)) {
            articles.forEach(index::index);
            index.commit();
            SearchResult all = index.search(new SearchQuery("*:*", 1).withFacets(true));
            org.cryptosec.reader.model.Facet tags = all.facets().stream()
                    .filter(f -> f.dimension() == org.cryptosec.reader.model.FacetDimension.TAG).findFirst().orElseThrow();
            assertEquals(byTag.size(), tags.distinct());
            for (org.cryptosec.reader.model.FacetValue v : tags.values()) {
                assertEquals(byTag.get(ArticleDocuments.facetKey(v.value())).size(), v.count(), v.value());
            }
            int checked = 0;
            for (var e : byTag.entrySet()) {
                if (e.getValue().size() < 2 || e.getValue().size() > 20) {
                    continue;
                }
                SearchResult r = index.search(new SearchQuery("", 50).withFilters(
                        List.of(new org.cryptosec.reader.model.FacetFilter(org.cryptosec.reader.model.FacetDimension.TAG, e.getKey()))));
                java.util.Set<Long> got = new java.util.HashSet<>();
                r.hits().forEach(h -> got.add(h.articleId()));
                assertEquals(e.getValue(), got, e.getKey());
                checked++;
            }
            assertTrue(checked >= 5, "tags checked: " + checked);
        }
    }
}
