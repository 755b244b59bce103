package org.cryptosec.reader.extract;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Guesses the language of a text from stopword profiles (nl, en, de, fr, es, it, pt). */
public final class LanguageDetector {

    private static final Map<String, Set<String>> PROFILES = Map.of(
            "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "op", "te", "in", "zijn", "voor", "met", "niet",
                    "aan", "er", "ook", "als", "bij", "door", "maar", "om", "nog", "naar", "dan", "wel", "uit", "wordt",
                    "worden", "deze", "dit", "heeft", "hebben", "werd", "over", "kan", "zich", "tot", "geen", "meer",
                    "veel", "omdat", "wat", "hij", "ze", "zij", "onze", "hun", "al", "die", "waar", "wij", "jij", "je",
                    "zou", "moet", "volgens", "echter", "tussen", "ten"),
            "en", Set.of("the", "and", "of", "to", "is", "in", "that", "it", "for", "was", "on", "are", "with", "as",
                    "be", "by", "this", "have", "from", "or", "an", "they", "which", "but", "not", "has", "were", "their",
                    "been", "would", "will", "there", "what", "about", "when", "said", "more", "can", "who", "than",
                    "its", "into", "after", "also", "these", "such", "we", "our", "you", "how"),
            "de", Set.of("der", "die", "das", "und", "ist", "nicht", "ein", "eine", "zu", "den", "von", "mit", "sich",
                    "des", "auf", "für", "im", "dem", "auch", "es", "als", "wird", "werden", "bei", "oder", "nach",
                    "aus", "wie", "einer", "hat", "sind", "noch", "über", "kann", "durch", "sie", "wir", "ich", "dass",
                    "einen", "nur", "um", "wurde", "haben", "zum", "zur", "aber", "vor"),
            "fr", Set.of("le", "la", "les", "et", "des", "est", "un", "une", "du", "que", "qui", "dans", "pour", "pas",
                    "au", "sur", "par", "plus", "ne", "se", "ce", "sont", "avec", "il", "elle", "ont", "été", "aux",
                    "cette", "mais", "ou", "nous", "vous", "leur", "comme", "fait", "être", "tout", "ses", "son"),
            "es", Set.of("el", "la", "los", "las", "y", "de", "que", "en", "un", "una", "es", "por", "con", "para",
                    "del", "se", "no", "al", "lo", "como", "más", "pero", "sus", "su", "le", "ha", "fue", "este", "esta",
                    "son", "entre", "también", "sobre", "cuando", "muy", "sin", "hasta", "desde", "porque"),
            "it", Set.of("il", "di", "che", "e", "la", "per", "un", "una", "non", "sono", "del", "della", "con", "si",
                    "da", "le", "lo", "gli", "nel", "alla", "più", "come", "anche", "ma", "questo", "ha", "dei", "delle",
                    "essere", "stato"),
            "pt", Set.of("o", "a", "os", "as", "de", "do", "da", "dos", "das", "em", "um", "uma", "que", "não", "para",
                    "com", "por", "mais", "como", "mas", "foi", "ao", "se", "na", "no", "é", "são", "seu", "sua", "também"));

    /** The profiled languages; a language's index is its place here. */
    private static final String[] LANGUAGES = PROFILES.keySet().toArray(String[]::new);
    /** The longest word looked up (longer words are counted but never a stopword). */
    private static final int MAX_LOOKUP = 8;
    /**
     * The stopwords of at most {@link #MAX_LOOKUP} characters in an open-addressing table keyed by their hash code, so
     * that a word is looked up from its characters without making a string; {@link #LANGUAGES_OF} holds the indexes
     * of the languages of the word in the same slot, {@link #HASHES} its hash code (most slots a word probes hold
     * another word: the hash tells them apart without comparing characters).
     */
    private static final String[] STOPWORDS = new String[2048];
    private static final int[][] LANGUAGES_OF = new int[STOPWORDS.length][];
    private static final int[] HASHES = new int[STOPWORDS.length];

    static {
        for (int lang = 0; lang < LANGUAGES.length; lang++) {
            for (String w : PROFILES.get(LANGUAGES[lang])) {
                if (w.length() > MAX_LOOKUP) {
                    continue;
                }
                int slot = slot(w.hashCode());
                while (STOPWORDS[slot] != null && !STOPWORDS[slot].equals(w)) {
                    slot = (slot + 1) & (STOPWORDS.length - 1);
                }
                STOPWORDS[slot] = w;
                HASHES[slot] = w.hashCode();
                int[] langs = LANGUAGES_OF[slot] == null ? new int[0] : LANGUAGES_OF[slot];
                langs = java.util.Arrays.copyOf(langs, langs.length + 1);
                langs[langs.length - 1] = lang;
                LANGUAGES_OF[slot] = langs;
            }
        }
    }

    private static int slot(int hash) {
        return (hash ^ (hash >>> 16)) & (STOPWORDS.length - 1);
    }

    private static final int MAX_WORDS = 3000;
    private static final int MIN_HITS = 4;
    /** Longer words are read only this far (they are counted, and too long for a stopword). */
    private static final int MAX_WORD_CHARS = 24;
    /** How many characters of a text are copied out of it at a time. */
    private static final int CHUNK = 4096;
    /** The array a text is copied into, one per thread (an article's was 8 kB of allocation each time). */
    private static final ThreadLocal<char[]> CHUNKS = ThreadLocal.withInitial(() -> new char[CHUNK]);

    private LanguageDetector() {
    }

    /** An ISO 639-1 code when one profile clearly wins, else empty (too little text, or a language without a profile). */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Tally tally = new Tally();
        tally.read(text);
        tally.endWord();
        return tally.verdict();
    }

    /**
     * What {@code detect(first + "\n" + second)} gives, without joining them (a null part reads "null"): the words of
     * the first {@value #MAX_WORDS} only are read.
     */
    static Optional<String> detect(String first, String second) {
        String a = String.valueOf(first);
        String b = String.valueOf(second);
        if (a.isBlank() && b.isBlank()) {
            return Optional.empty();
        }
        Tally tally = new Tally();
        tally.read(a);
        tally.endWord(); // the line break between them
        tally.read(b);
        tally.endWord();
        return tally.verdict();
    }

    /** A text's language guess and its word count, from one reading of it. */
    record Reading(Optional<String> language, int words) {
    }

    /**
     * {@code detect(first, second)} and {@code ContentExtractor.wordCount(second)} from one reading of
     * {@code second}: the words are counted as the stopwords are tallied (and after the tally stops).
     */
    static Reading read(String first, String second) {
        String a = String.valueOf(first);
        String b = String.valueOf(second);
        Tally tally = new Tally();
        tally.read(a);
        tally.endWord(); // the line break between them
        int words = tally.readCounting(b);
        tally.endWord();
        return new Reading(a.isBlank() && b.isBlank() ? Optional.empty() : tally.verdict(), words);
    }

    /** The stopword hits of each profile over the first {@value #MAX_WORDS} words read. */
    private static final class Tally {
        private final int[] hits = new int[LANGUAGES.length];
        private final char[] word = new char[MAX_WORD_CHARS];
        private int length;
        private int hash;
        private int words;

        void read(String text) {
            // copied a piece at a time into an array: reading it is cheaper than asking the string for each char
            char[] chunk = CHUNKS.get();
            for (int from = 0, n = text.length(); from < n && words < MAX_WORDS; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                text.getChars(from, to, chunk, 0);
                read(chunk, to - from);
            }
        }

        /**
         * Reads {@code text} whole (past the words tallied) and returns its count of words as
         * {@code ContentExtractor.wordCount} counts them: runs of characters other than white space.
         */
        int readCounting(String text) {
            char[] chunk = CHUNKS.get();
            for (int from = 0, n = text.length(); from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                text.getChars(from, to, chunk, 0);
                int i = words < MAX_WORDS ? readCounting(chunk, to - from) : 0;
                // the tally is full: the rest is only counted
                boolean in = inRun;
                int count = runs;
                for (int size = to - from; i < size; i++) {
                    char c = chunk[i];
                    boolean w = inWord(c);
                    if (w && !in) {
                        count++;
                    }
                    in = w;
                }
                inRun = in;
                runs = count;
            }
            return runs;
        }

        /** Whether a character is no white space (as {@code ContentExtractor.wordCount} splits words), ASCII first. */
        private static boolean inWord(char c) {
            return c > ' ' ? c < 127 || !Character.isWhitespace(c) : c != ' ' && !Character.isWhitespace(c);
        }

        /** Runs of characters other than white space counted by {@link #readCounting}, and whether one is open. */
        private int runs;
        private boolean inRun;

        /**
         * {@link #read(char[], int)} that also counts the runs of characters other than white space, until the tally
         * is full; returns how many chars it read.
         */
        private int readCounting(char[] chars, int n) {
            int length = this.length;
            int hash = this.hash;
            int words = this.words;
            char[] word = this.word;
            int runs = this.runs;
            boolean in = this.inRun;
            int i = 0;
            for (; i < n && words < MAX_WORDS; i++) {
                char c = chars[i];
                boolean ascii = c < 128;
                if (ascii ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c)) {
                    if (!in) {
                        runs++; // a letter is no white space
                        in = true;
                    }
                    if (length < MAX_WORD_CHARS) {
                        char lower = ascii ? c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c : Character.toLowerCase(c);
                        word[length++] = lower;
                        hash = 31 * hash + lower;
                    }
                } else {
                    if (length > 0) {
                        words++;
                        count(length, hash);
                        length = 0;
                        hash = 0;
                    }
                    boolean w = inWord(c);
                    if (w && !in) {
                        runs++;
                    }
                    in = w;
                }
            }
            this.length = length;
            this.hash = hash;
            this.words = words;
            this.runs = runs;
            this.inRun = in;
            return i;
        }

        /** Reads {@code n} chars; the state of the word being read is kept in locals meanwhile. */
        private void read(char[] chars, int n) {
            int length = this.length;
            int hash = this.hash;
            int words = this.words;
            char[] word = this.word;
            for (int i = 0; i < n && words < MAX_WORDS; i++) {
                char c = chars[i];
                // ASCII without the table lookups: its letters are a-z and A-Z, and only A-Z change case
                boolean ascii = c < 128;
                if (ascii ? c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' : Character.isLetter(c)) {
                    if (length < MAX_WORD_CHARS) {
                        char lower = ascii ? c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c : Character.toLowerCase(c);
                        word[length++] = lower;
                        hash = 31 * hash + lower;
                    }
                } else if (length > 0) {
                    // the word ends (what endWord does)
                    words++;
                    count(length, hash);
                    length = 0;
                    hash = 0;
                }
            }
            this.length = length;
            this.hash = hash;
            this.words = words;
        }

        /** A character that is not a letter (or the end of the text) ends the word being read. */
        void endWord() {
            if (length == 0 || words >= MAX_WORDS) {
                return;
            }
            words++;
            count(length, hash);
            length = 0;
            hash = 0;
        }

        /** Counts a hit for each language of the word just read, if it is a stopword. */
        private void count(int length, int hash) {
            if (length > MAX_LOOKUP) {
                return;
            }
            for (int slot = slot(hash); STOPWORDS[slot] != null; slot = (slot + 1) & (STOPWORDS.length - 1)) {
                if (HASHES[slot] == hash && is(STOPWORDS[slot], length)) {
                    for (int lang : LANGUAGES_OF[slot]) {
                        hits[lang]++;
                    }
                    return;
                }
            }
        }

        private boolean is(String stopword, int length) {
            if (stopword.length() != length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (stopword.charAt(k) != word[k]) {
                    return false;
                }
            }
            return true;
        }

        Optional<String> verdict() {
            // the best and second-best counts do not depend on the order the profiles are looked at
            int best = -1;
            int bestHits = 0;
            int second = 0;
            for (int lang = 0; lang < hits.length; lang++) {
                int h = hits[lang];
                if (h == 0) {
                    continue;
                }
                if (h > bestHits) {
                    second = bestHits;
                    bestHits = h;
                    best = lang;
                } else if (h > second) {
                    second = h;
                }
            }
            if (best < 0 || bestHits < MIN_HITS || bestHits < second * 1.15 || bestHits < words * 0.08) {
                return Optional.empty();
            }
            return Optional.of(LANGUAGES[best]);
        }
    }

    /** "nl-NL", "nl_NL", "NL" → "nl"; null for blank or malformed tags. */
    public static String normalizeTag(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.trim();
        int cut = 0;
        while (cut < t.length() && Character.isLetter(t.charAt(cut)) && cut < 8) {
            cut++;
        }
        if (cut < 2 || cut > 3 || (cut < t.length() && t.charAt(cut) != '-' && t.charAt(cut) != '_')) {
            return null;
        }
        return t.substring(0, cut).toLowerCase(Locale.ROOT);
    }
}
