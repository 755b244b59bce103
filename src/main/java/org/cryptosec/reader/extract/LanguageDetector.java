package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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

    /** Each stopword with the profiles it belongs to: one lookup a word instead of one a profile. */
    private static final Map<String, List<String>> LANGUAGES_OF = new HashMap<>();

    static {
        for (var e : PROFILES.entrySet()) {
            for (String w : e.getValue()) {
                LANGUAGES_OF.computeIfAbsent(w, k -> new ArrayList<>()).add(e.getKey());
            }
        }
    }

    private static final int MAX_WORDS = 3000;
    private static final int MIN_HITS = 4;

    private LanguageDetector() {
    }

    /** An ISO 639-1 code when one profile clearly wins, else empty (too little text, or a language without a profile). */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        int i = 0;
        int n = text.length();
        StringBuilder word = new StringBuilder(24);
        while (i <= n && words < MAX_WORDS) {
            char c = i < n ? text.charAt(i) : ' ';
            if (Character.isLetter(c)) {
                if (word.length() < 24) {
                    word.append(Character.toLowerCase(c));
                }
            } else if (word.length() > 0) {
                words++;
                List<String> langs = word.length() <= 8 ? LANGUAGES_OF.get(word.toString()) : null;
                if (langs != null) {
                    for (String lang : langs) {
                        hits.merge(lang, 1, Integer::sum);
                    }
                }
                word.setLength(0);
            }
            i++;
        }
        String best = null;
        int bestHits = 0;
        int second = 0;
        for (var e : hits.entrySet()) {
            int h = e.getValue();
            if (h > bestHits) {
                second = bestHits;
                bestHits = h;
                best = e.getKey();
            } else if (h > second) {
                second = h;
            }
        }
        if (best == null || bestHits < MIN_HITS || bestHits < second * 1.15 || bestHits < words * 0.08) {
            return Optional.empty();
        }
        return Optional.of(best);
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
