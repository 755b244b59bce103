package org.cryptosec.reader.model;

/** What the user did with an article, kept apart from its content. */
public record ArticleState(long articleId, boolean read, boolean starred) {
}
