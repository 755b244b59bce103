package org.cryptosec.reader.model;

/** What the user typed, and how many hits they want. */
public record SearchQuery(String text, int limit) {

    public SearchQuery {
        text = text == null ? "" : text;
        if (limit <= 0) {
            limit = 20;
        }
    }
}
