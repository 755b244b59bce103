package org.cryptosec.reader.extract;

import java.util.Optional;
import org.cryptosec.reader.model.Author;

/** The only user of Jsoup (with the sanitizer): pulls the article, its metadata and authors out of a page. Thread-safe. */
public final class ArticleExtractor {

    public ExtractedArticle extract(String html, String pageUrl) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }

    /** Reads an author's own page (bio, avatar). Empty when the page says nothing useful. */
    public Optional<Author> extractAuthorPage(String html, String pageUrl, String authorName) {
        throw new UnsupportedOperationException("contract: not implemented yet");
    }
}
