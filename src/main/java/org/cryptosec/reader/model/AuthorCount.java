package org.cryptosec.reader.model;

/** An author and how many articles the library has by them. */
public record AuthorCount(Author author, int articles) {
}
