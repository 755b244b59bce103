package org.cryptosec.reader.model;

/** A source the app suggests: a feed with its site and category, not yet subscribed. */
public record CatalogueEntry(String title, String feedUrl, String siteUrl, String category) {
}
