package org.cryptosec.reader.extract;

import java.time.LocalDate;

/**
 * An extracted article with the publication day as the page wrote it ({@code publishedDay}), which the
 * {@link ExtractedArticle#published()} instant loses when the page gave a time in another zone than UTC
 * ("2020-02-17T21:00:00-05:00" is 17 February where it was published, the 18th in UTC). Null when no date.
 */
public record Extraction(ExtractedArticle article, LocalDate publishedDay) {
    public Extraction {
        if (article == null) {
            throw new IllegalArgumentException("article must not be null");
        }
    }
}
