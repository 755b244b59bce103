package org.cryptosec.reader.extract;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Unmodifiable sets and maps of the names asked about on hot paths (a set of tags asked about every element). The
 * JDK's {@code Set.of} and {@code Map.of} find a key by an integer division of its hash and then probe on, comparing
 * strings; a hash set masks the hash and, for a name it does not hold (most tags asked about), mostly finds an empty
 * bucket at once. Duplicates are refused, as {@code Set.of} refuses them.
 */
final class Lookup {

    private Lookup() {
    }

    /** An unmodifiable set of {@code names}, which must be distinct. */
    static Set<String> setOf(String... names) {
        Set<String> set = new HashSet<>(Arrays.asList(names));
        if (set.size() != names.length) {
            throw new IllegalArgumentException("duplicate name among " + Arrays.toString(names));
        }
        return Collections.unmodifiableSet(set);
    }

    /** An unmodifiable copy of {@code entries}. */
    static <V> Map<String, V> mapOf(Map<String, V> entries) {
        return Collections.unmodifiableMap(new HashMap<>(entries));
    }
}
