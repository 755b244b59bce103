package org.cryptosec.reader.model;

import java.time.Instant;

/** A stored query shown like a feed. */
public record SavedSearch(long id, String name, String query, Instant created) {
}
