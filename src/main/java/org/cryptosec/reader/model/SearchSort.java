package org.cryptosec.reader.model;

/** Order of search hits: best match first (newer first among equals), or newest first. */
public enum SearchSort {
    RELEVANCE,
    DATE;

    /** "relevance"/"date" (any case; "newest" is date); null or blank gives RELEVANCE. */
    public static SearchSort parse(String s) {
        if (s == null || s.isBlank()) {
            return RELEVANCE;
        }
        switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "relevance": case "score": case "best":
                return RELEVANCE;
            case "date": case "newest": case "published":
                return DATE;
            default:
                throw new IllegalArgumentException("unknown sort '" + s + "': use relevance or date");
        }
    }
}
