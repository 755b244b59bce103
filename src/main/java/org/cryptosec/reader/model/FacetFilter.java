package org.cryptosec.reader.model;

import java.util.Objects;

/**
 * Keep only hits whose {@code dimension} has this exact value (as shown in {@link Facet}). Filters of
 * one dimension are ORed, filters of different dimensions ANDed.
 */
public record FacetFilter(FacetDimension dimension, String value) {

    public FacetFilter {
        Objects.requireNonNull(dimension, "dimension");
        value = value == null ? "" : value.strip();
    }

    /** "source=Rekt News" or "year:2022". */
    public static FacetFilter parse(String s) {
        String text = s == null ? "" : s;
        int cut = text.indexOf('=');
        if (cut < 0) {
            cut = text.indexOf(':');
        }
        if (cut <= 0 || cut == text.length() - 1) {
            throw new IllegalArgumentException("a filter is DIMENSION=VALUE (e.g. source=Rekt News), not '" + s + "'");
        }
        return new FacetFilter(FacetDimension.parse(text.substring(0, cut)), text.substring(cut + 1));
    }
}
