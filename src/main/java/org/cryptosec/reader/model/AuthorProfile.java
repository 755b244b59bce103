package org.cryptosec.reader.model;

import java.util.List;

/** An author with the articles they wrote, newest first. */
public record AuthorProfile(Author author, List<ArticleSummary> articles) {

    public AuthorProfile {
        articles = articles == null ? List.of() : List.copyOf(articles);
    }
}
