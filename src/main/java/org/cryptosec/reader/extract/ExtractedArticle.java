package org.cryptosec.reader.extract;

import java.time.Instant;
import java.util.List;
import org.cryptosec.reader.model.Author;

/**
 * What the extractor found on an article page. Authors have id 0; bio, url and avatarUrl may be null.
 * {@code html} is sanitized; {@code imageUrls} are the absolute URLs of images in the body, lead image first.
 */
public record ExtractedArticle(String title, List<Author> authors, Instant published, String lang,
                               int readingMinutes, String leadImageUrl, List<String> tags, String html,
                               String text, List<String> imageUrls, String siteName, String canonicalUrl) {
    public ExtractedArticle {
        authors = authors == null ? List.of() : List.copyOf(authors);
        tags = tags == null ? List.of() : List.copyOf(tags);
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }
}
