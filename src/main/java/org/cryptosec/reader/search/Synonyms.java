package org.cryptosec.reader.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Query-time synonyms (resources/search/synonyms.txt): a word or phrase maps to the other words and
 * phrases of its groups. Keys are normalised with {@link #normalize} (lower case, no accents,
 * punctuation as spaces), so "Noord-Korea", "noord korea" and "NOORD KOREA" are one key. Immutable.
 *
 * <p>Format: one group per line, comma-separated; {@code a, b => c} makes a and b also find c, but not
 * c find a or b; {@code #} starts a comment line. Bad lines are reported with their number.
 */
public final class Synonyms {

    /** The bundled file, on the classpath. */
    public static final String RESOURCE = "/search/synonyms.txt";
    /** Words in one phrase at most (longer entries are rejected). */
    public static final int MAX_PHRASE_WORDS = 4;
    /** Characters one file may have at most. */
    static final int MAX_CHARS = 1_000_000;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Synonyms NONE = new Synonyms(Map.of());

    /** key → other forms (as written in the file), in file order. */
    private final Map<String, List<String>> expansions;

    private Synonyms(Map<String, List<String>> expansions) {
        this.expansions = expansions;
    }

    public static Synonyms none() {
        return NONE;
    }

    /** The bundled synonyms (read once); fails loudly when the file is missing or malformed (a build error). */
    public static Synonyms bundled() {
        return Bundled.INSTANCE;
    }

    private static final class Bundled {
        static final Synonyms INSTANCE = readBundled();
    }

    private static Synonyms readBundled() {
        try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the synonym file " + RESOURCE + " is missing from the build");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the synonym file " + RESOURCE, e);
        }
    }

    /**
     * Parses the synonym format.
     *
     * @throws IllegalArgumentException on a malformed line (named by number) or an oversized input
     */
    public static Synonyms parse(Reader source) throws IOException {
        Map<String, LinkedHashSet<String>> map = new HashMap<>();
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        int chars = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            chars += line.length() + 1;
            if (chars > MAX_CHARS) {
                throw new IllegalArgumentException("synonym file is larger than " + MAX_CHARS + " characters");
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] sides = trimmed.split("=>", -1);
            if (sides.length > 2) {
                throw new IllegalArgumentException("synonym line " + number + " has more than one '=>'");
            }
            List<String> left = entries(sides[0], number);
            List<String> right = sides.length == 2 ? entries(sides[1], number) : List.of();
            if (left.isEmpty() || (sides.length == 2 && right.isEmpty())) {
                throw new IllegalArgumentException("synonym line " + number + " has an empty side: " + trimmed);
            }
            if (sides.length == 1 && left.size() < 2) {
                throw new IllegalArgumentException("synonym line " + number + " needs at least two entries: " + trimmed);
            }
            List<String> all = new ArrayList<>(left);
            all.addAll(right);
            for (String from : left) {
                LinkedHashSet<String> to = map.computeIfAbsent(normalize(from), k -> new LinkedHashSet<>());
                for (String other : all) {
                    if (!normalize(other).equals(normalize(from))) {
                        to.add(other);
                    }
                }
            }
        }
        Map<String, List<String>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Synonyms(Collections.unmodifiableMap(frozen));
    }

    private static List<String> entries(String side, int number) {
        List<String> out = new ArrayList<>();
        for (String raw : side.split(",")) {
            String e = raw.strip();
            if (e.isEmpty()) {
                continue;
            }
            String key = normalize(e);
            if (key.isEmpty()) {
                throw new IllegalArgumentException("synonym line " + number + ": '" + e + "' has no letters or digits");
            }
            if (key.split(" ").length > MAX_PHRASE_WORDS) {
                throw new IllegalArgumentException("synonym line " + number + ": '" + e + "' has more than "
                        + MAX_PHRASE_WORDS + " words");
            }
            out.add(e);
        }
        return out;
    }

    /** Lower case, accents removed, every run of non letters/digits one space, trimmed. */
    public static String normalize(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        return NON_WORD.matcher(plain).replaceAll(" ").strip();
    }

    /** The other forms of what {@code wordOrPhrase} stands for; empty when it has no synonyms. */
    public List<String> expand(String wordOrPhrase) {
        List<String> found = expansions.get(normalize(wordOrPhrase));
        return found == null ? List.of() : found;
    }

    /** True when this (normalised) phrase of two or more words has synonyms. */
    boolean isPhrase(String normalizedKey) {
        return normalizedKey.indexOf(' ') > 0 && expansions.containsKey(normalizedKey);
    }

    /** Number of words or phrases with synonyms. */
    public int size() {
        return expansions.size();
    }

    /** Every key (normalised), for tests and tools. */
    Set<String> keys() {
        return expansions.keySet();
    }
}
