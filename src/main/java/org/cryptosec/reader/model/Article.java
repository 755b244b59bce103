package org.cryptosec.reader.model;

import java.time.Instant;
import java.util.List;

/**
 * A stored article: the extracted, sanitized content. Read/starred state is kept apart in
 * {@link ArticleState}; the original page HTML is kept by the store but not carried here.
 *
 * @param html sanitized body HTML with the original image URLs (the reader swaps in stored bytes)
 * @param text the body as plain text
 * @param source the feed or site name shown to the user
 */
public record Article(
        long id,
        long feedId,
        String guid,
        String url,
        String title,
        String source,
        List<Author> authors,
        Instant published,
        String lang,
        int readingMinutes,
        String leadImageUrl,
        List<String> tags,
        String html,
        String text,
        Instant fetched) {

    public Article {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public Article withId(long newId) {
        return new Article(newId, feedId, guid, url, title, source, authors, published, lang,
                readingMinutes, leadImageUrl, tags, html, text, fetched);
    }

    public Article withAuthors(List<Author> newAuthors) {
        return new Article(id, feedId, guid, url, title, source, newAuthors, published, lang,
                readingMinutes, leadImageUrl, tags, html, text, fetched);
    }
}
