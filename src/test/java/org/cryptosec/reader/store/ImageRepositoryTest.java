package org.cryptosec.reader.store;

import static org.cryptosec.reader.store.Fixtures.T0;
import static org.cryptosec.reader.store.Fixtures.article;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.StoredImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRepositoryTest {

    @TempDir
    Path dir;
    Database db;
    ImageRepository images;
    ArticleRepository articles;
    long feed;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("library.db"));
        images = new ImageRepository(db);
        articles = new ArticleRepository(db);
        feed = new FeedRepository(db).add(Feed.newFeed("https://a.example/feed", null, null, null)).id();
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void bytesAndTypeRoundTripExactly() {
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        images.put(new StoredImage("https://a.example/big.jpg", "image/jpeg", bytes));
        StoredImage out = images.get("https://a.example/big.jpg").orElseThrow();
        assertEquals("https://a.example/big.jpg", out.url());
        assertEquals("image/jpeg", out.contentType());
        assertArrayEquals(bytes, out.bytes());
        assertTrue(images.has("https://a.example/big.jpg"));
    }

    @Test
    void aSecondPutOfTheSameUrlIsIgnored() {
        images.put(new StoredImage("https://a.example/i.png", "image/png", new byte[] {1, 2, 3}));
        images.put(new StoredImage("https://a.example/i.png", "image/gif", new byte[] {9}));
        StoredImage out = images.get("https://a.example/i.png").orElseThrow();
        assertEquals("image/png", out.contentType());
        assertArrayEquals(new byte[] {1, 2, 3}, out.bytes());
    }

    @Test
    void unknownUrlsAreAbsent() {
        assertTrue(images.get("https://nowhere/x.png").isEmpty());
        assertFalse(images.has("https://nowhere/x.png"));
        assertTrue(images.get(null).isEmpty());
        assertFalse(images.has(null));
    }

    @Test
    void invalidImagesAreRejectedClearly() {
        assertEquals("image URL is blank", assertThrows(IllegalArgumentException.class,
                () -> images.put(new StoredImage(" ", "image/png", new byte[1]))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> images.put(new StoredImage("https://a/x.png", "image/png", null))).getMessage().contains("no bytes"));
    }

    @Test
    void linksAreKeptPerArticleInOrderOnceEach() {
        long a = articles.insert(article(feed, "a", T0), null, null);
        long b = articles.insert(article(feed, "b", T0), null, null);
        images.linkToArticle(a, "https://a.example/2.png");
        images.linkToArticle(a, "https://a.example/1.png");
        images.linkToArticle(a, "https://a.example/2.png");
        images.linkToArticle(b, "https://a.example/1.png");
        assertEquals(List.of("https://a.example/2.png", "https://a.example/1.png"), images.urlsForArticle(a));
        assertEquals(List.of("https://a.example/1.png"), images.urlsForArticle(b));
        assertTrue(images.urlsForArticle(999).isEmpty());
    }

    @Test
    void linkingToAnUnknownArticleIsRefusedClearly() {
        StoreException e = assertThrows(StoreException.class, () -> images.linkToArticle(999, "https://a/x.png"));
        assertTrue(e.getMessage().contains("there is no article 999"), e.getMessage());
    }

    @Test
    void removeOrphansKeepsImagesInUseByArticlesLeadImagesAndAvatars() {
        long a = articles.insert(article(feed, "a", T0), null, null); // lead image https://news.example/img/a.jpg
        new AuthorRepository(db).upsert(new Author(0, "Eva", null, null, "https://a.example/eva.png"));
        for (String url : List.of("https://a.example/linked.png", "https://news.example/img/a.jpg",
                "https://a.example/eva.png", "https://a.example/orphan.png")) {
            images.put(new StoredImage(url, "image/png", new byte[] {1}));
        }
        images.linkToArticle(a, "https://a.example/linked.png");
        assertEquals(1, images.removeOrphans());
        assertFalse(images.has("https://a.example/orphan.png"));
        assertTrue(images.has("https://a.example/linked.png"));
        assertTrue(images.has("https://news.example/img/a.jpg"));
        assertTrue(images.has("https://a.example/eva.png"));
    }
}
