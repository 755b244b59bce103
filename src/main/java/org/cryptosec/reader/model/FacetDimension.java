package org.cryptosec.reader.model;

import java.util.Locale;

/** What search results can be counted and filtered by. */
public enum FacetDimension {
    SOURCE("source"),
    AUTHOR("author"),
    LANGUAGE("lang"),
    TAG("tag"),
    /** Publication year in UTC, "2022". */
    YEAR("year"),
    /** Publication month in UTC, "2022-03". */
    MONTH("month");

    private final String key;

    FacetDimension(String key) {
        this.key = key;
    }

    /** Short name used in the CLI and JSON ("source", "lang", ...). */
    public String key() {
        return key;
    }

    /** By key or enum name, any case ("lang", "language", "Source"). */
    public static FacetDimension parse(String s) {
        String k = s == null ? "" : s.strip().toLowerCase(Locale.ROOT);
        for (FacetDimension d : values()) {
            if (d.key.equals(k) || d.name().toLowerCase(Locale.ROOT).equals(k)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown facet '" + s + "': use source, author, lang, tag, year or month");
    }
}
