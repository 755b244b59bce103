package org.cryptosec.reader.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cryptosec.reader.model.SynonymProblem;
import org.cryptosec.reader.model.SynonymProblem.Kind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query-time synonyms (resources/search/synonyms.txt): a word or phrase maps to the other words and
 * phrases of its groups. Keys are normalised with {@link #normalize} (lower case, no accents,
 * punctuation as spaces), so "Noord-Korea", "noord korea" and "NOORD KOREA" are one key. Immutable.
 *
 * <p>Format: one group per line, comma-separated; {@code a, b => c} makes a and b also find c, but not
 * c find a or b; {@code #} starts a comment line. Bad lines are reported with their number.
 *
 * <p>People add their own groups in {@value #USER_FILE} in the data folder ({@link #withUserFile}):
 * same format, merged with the bundled groups. That file is untrusted: a bad line is skipped with a
 * warning naming the file and the line, and a file that is too large, not UTF-8 or not a regular file
 * is ignored with a warning; the bundled synonyms work either way.
 */
public final class Synonyms {

    private static final Logger LOG = LoggerFactory.getLogger(Synonyms.class);

    /** The bundled file, on the classpath. */
    public static final String RESOURCE = "/search/synonyms.txt";
    /** Words in one phrase at most (longer entries are rejected). */
    public static final int MAX_PHRASE_WORDS = 4;
    /** Characters one file may have at most. */
    static final int MAX_CHARS = 1_000_000;
    /** Entries one line (group) may have at most: each entry of a group expands to all the others. */
    public static final int MAX_GROUP_ENTRIES = 64;
    /** The user's own synonym file, in the data folder. */
    public static final String USER_FILE = "synonyms.txt";
    /** Bytes the user's file may have at most; a larger one is ignored (with a warning). */
    public static final long MAX_USER_FILE_BYTES = 256 * 1024;
    /** Word-synonym pairs one file may give at most (each entry of a group is paired with the others). */
    static final long MAX_PAIRS = 200_000;
    /** Warnings about one user file at most (a file of nothing but bad lines gives one summary line more). */
    static final int MAX_WARNINGS = 20;

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
        return parse(source, bad -> {
            throw bad;
        });
    }

    /**
     * Parses the synonym format; each malformed line goes to {@code badLine} (which may throw, or let
     * the line be skipped). An oversized input always throws.
     */
    private static Synonyms parse(Reader source, Consumer<BadLine> badLine) throws IOException {
        Builder groups = new Builder();
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
            String trimmed = (number == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line).strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                groups.addGroup(trimmed, number);
            } catch (BadLine e) {
                badLine.accept(e);
                if (e.kind == Kind.TOO_MANY_PAIRS) {
                    break;
                }
            }
        }
        return freeze(groups.map);
    }

    /** One file's groups as they are read; counts the word-synonym pairs against {@link #MAX_PAIRS}. */
    private static final class Builder {
        final Map<String, LinkedHashSet<String>> map = new HashMap<>();
        long pairs;

        void addGroup(String trimmed, int number) {
            String[] sides = trimmed.split("=>", -1);
            if (sides.length > 2) {
                throw new BadLine(number, Kind.MORE_THAN_ONE_ARROW);
            }
            List<String> left = entries(sides[0], number);
            List<String> right = sides.length == 2 ? entries(sides[1], number) : List.of();
            if (left.isEmpty() || (sides.length == 2 && right.isEmpty())) {
                throw new BadLine(number, Kind.EMPTY_SIDE, abbreviate(trimmed));
            }
            if (sides.length == 1 && left.size() < 2) {
                throw new BadLine(number, Kind.ONE_ENTRY, abbreviate(trimmed));
            }
            List<String> all = new ArrayList<>(left);
            all.addAll(right);
            if (all.size() > MAX_GROUP_ENTRIES) {
                throw new BadLine(number, Kind.TOO_MANY_ENTRIES, String.valueOf(all.size()), String.valueOf(MAX_GROUP_ENTRIES));
            }
            if (pairs + (long) left.size() * all.size() > MAX_PAIRS) {
                throw new BadLine(number, Kind.TOO_MANY_PAIRS, String.valueOf(MAX_PAIRS));
            }
            String[] keys = all.stream().map(Synonyms::normalize).toArray(String[]::new);
            for (int i = 0; i < left.size(); i++) {
                LinkedHashSet<String> to = map.computeIfAbsent(keys[i], k -> new LinkedHashSet<>());
                for (int j = 0; j < all.size(); j++) {
                    if (!keys[j].equals(keys[i]) && to.add(all.get(j))) {
                        pairs++;
                    }
                }
            }
        }
    }

    /**
     * A malformed line, as the {@link SynonymProblem} it is in a user's file; its message is the English one
     * ("synonym line 3 has more than one '=>'"). {@link Kind#TOO_MANY_PAIRS}: the rest of the file is not read.
     */
    private static final class BadLine extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int line;
        final Kind kind;
        final transient List<String> values;

        BadLine(int line, Kind kind, String... values) {
            super("synonym " + new SynonymProblem("", line, kind, List.of(values)).detail());
            this.line = line;
            this.kind = kind;
            // control characters of a hostile file (terminal escapes) are not passed on to logs and screens
            this.values = java.util.Arrays.stream(values).map(Synonyms::printable).toList();
        }

        SynonymProblem in(Path file) {
            return new SynonymProblem(file.toString(), line, kind, values);
        }
    }

    private static Synonyms freeze(Map<String, ? extends Set<String>> map) {
        Map<String, List<String>> frozen = new HashMap<>();
        map.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new Synonyms(Collections.unmodifiableMap(frozen));
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "\u2026";
    }

    /** These synonyms and the other's: each key expands to its forms here, then to the other's new ones. */
    public Synonyms merge(Synonyms other) {
        if (other == null || other.expansions.isEmpty()) {
            return this;
        }
        Map<String, LinkedHashSet<String>> map = new HashMap<>();
        expansions.forEach((k, v) -> map.put(k, new LinkedHashSet<>(v)));
        other.expansions.forEach((k, v) -> map.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(v));
        return freeze(map);
    }

    /**
     * Synonyms with the problems met while reading them (empty when all went well; at most {@link #MAX_WARNINGS}
     * and one saying how many more) and how many problems there were in all.
     */
    public record Loaded(Synonyms synonyms, List<SynonymProblem> details, int problems) {
        public Loaded {
            details = List.copyOf(details);
            problems = Math.max(problems, 0);
        }

        /** Without problems. */
        public Loaded(Synonyms synonyms) {
            this(synonyms, List.of(), 0);
        }

        /** The problems as English lines naming the file (for the log and the command line). */
        public List<String> warnings() {
            return details.stream().map(SynonymProblem::message).toList();
        }
    }

    /** The user's synonym file in this data folder. */
    public static Path userFile(Path dataDir) {
        return dataDir.resolve(USER_FILE);
    }

    /**
     * The bundled synonyms merged with the user's {@value #USER_FILE} in {@code dataDir}, when there is
     * one. Never throws for a bad user file: its problems come back as warnings (also logged), and
     * the bundled synonyms always apply.
     */
    public static Loaded withUserFile(Path dataDir) {
        Loaded user = readUserFile(userFile(dataDir));
        return new Loaded(bundled().merge(user.synonyms()), user.details(), user.problems());
    }

    /**
     * Reads a user's synonym file leniently: a bad line is skipped with a warning naming the file and
     * the line; a file that is too large, not UTF-8, unreadable or not a regular file is ignored with
     * a warning. A missing file is no synonyms and no warning.
     */
    public static Loaded readUserFile(Path file) {
        List<SynonymProblem> warnings = new ArrayList<>();
        Synonyms read = none();
        try {
            read = readUserFile(file, warnings);
        } catch (UnusableFile e) {
            warnings.add(new SynonymProblem(file.toString(), 0, e.kind, e.values));
        } catch (IOException e) {
            warnings.add(new SynonymProblem(file.toString(), 0, Kind.UNREADABLE, List.of(reason(e))));
        } catch (IllegalArgumentException e) {
            warnings.add(new SynonymProblem(file.toString(), 0, Kind.UNREADABLE, List.of(printable(String.valueOf(e.getMessage())))));
        }
        int problems = warnings.size();
        if (warnings.size() > MAX_WARNINGS) {
            int more = warnings.size() - MAX_WARNINGS;
            warnings.subList(MAX_WARNINGS, warnings.size()).clear();
            warnings.add(new SynonymProblem(file.toString(), 0, Kind.MORE_BAD_LINES, List.of(String.valueOf(more))));
        }
        warnings.forEach(w -> LOG.warn("Synonyms: {}", w.message()));
        if (read.size() > 0) {
            LOG.info("Synonyms: {} words and phrases from {}", read.size(), file);
        }
        return new Loaded(read, warnings, problems);
    }

    /** The user's file as a whole is unusable (it is ignored). */
    private static final class UnusableFile extends IOException {
        private static final long serialVersionUID = 1L;
        final Kind kind;
        final transient List<String> values;

        UnusableFile(Kind kind, String... values) {
            super(new SynonymProblem("", 0, kind, List.of(values)).detail());
            this.kind = kind;
            this.values = List.of(values);
        }
    }

    private static Synonyms readUserFile(Path file, List<SynonymProblem> warnings) throws IOException {
        if (!Files.exists(file)) {
            return none();
        }
        if (!Files.isRegularFile(file)) {
            throw new UnusableFile(Kind.NOT_A_FILE);
        }
        long size = Files.size(file);
        if (size > MAX_USER_FILE_BYTES) {
            throw new UnusableFile(Kind.FILE_TOO_LARGE, String.valueOf(MAX_USER_FILE_BYTES));
        }
        // Read at most one byte over the limit, whatever the size said (the file may grow meanwhile).
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_USER_FILE_BYTES + 1);
        }
        if (bytes.length > MAX_USER_FILE_BYTES) {
            throw new UnusableFile(Kind.FILE_TOO_LARGE, String.valueOf(MAX_USER_FILE_BYTES));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UnusableFile(Kind.NOT_UTF8);
        }
        return parse(new java.io.StringReader(text), bad -> warnings.add(bad.in(file)));
    }

    /** Control characters (a hostile file's terminal escapes) shown as '?'. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.toString();
    }

    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fs) {
            // its message is just the path; the reason (permission denied...) is what tells
            return fs.getReason() == null ? e.getClass().getSimpleName() : fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : printable(e.getMessage());
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
                throw new BadLine(number, Kind.NO_LETTERS, abbreviate(e));
            }
            if (key.split(" ").length > MAX_PHRASE_WORDS) {
                throw new BadLine(number, Kind.TOO_MANY_WORDS, abbreviate(e), String.valueOf(MAX_PHRASE_WORDS));
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
