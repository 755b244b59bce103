package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Author names from byline text in several languages ("By Jane Doe", "Door Timo Bult", "Von ...", "Par ...", "Por ..."). */
final class Bylines {

    /** A byline prefix; what follows is the name. */
    static final Pattern PREFIX = Pattern.compile(
            "^(?:(?:written|posted|published|reported|text|story)\\s+by|(?:view|see)\\s+all\\s+(?:posts|articles|stories)\\s+by"
                    + "|(?:zeige\\s+)?alle\\s+(?:beiträge|artikel)\\s+von|alles\\s+von|mehr\\s+von|erstellt\\s+von|verfasst\\s+von"
                    + "|geschrieben\\s+von|profilbild\\s+von|avatar\\s+(?:of|von)|photo\\s+of|(?:text|interview|text,\\s*interview)\\s*:"
                    + "|geschreven\\s+door|tekst(?:\\s+door)?|door|by|von|par|por"
                    + "|author|auteur|autor|autorin|reporter)\\s*[:\\-–]?\\s+",
            Pattern.CASE_INSENSITIVE);

    /** "Posted on DATE by", "Veröffentlicht am DATE von": a date before the name. */
    static final Pattern POSTED_ON_BY = Pattern.compile(
            "^(?:posted|published|veröffentlicht|gepubliceerd|publié|gespeichert)\\s+(?:on|am|op|le)?\\s*[^|]{0,40}?\\s(?:by|von|door|par)\\s+",
            Pattern.CASE_INSENSITIVE);

    /** A line that starts like a byline, for scanning short text nodes. */
    private static final Pattern BYLINE_LINE = Pattern.compile(
            "^(?i:(?:written|posted|reported)\\s+by|geschreven\\s+door|by|door|von|par|por"
                    + "|(?:author|autor|autorin|auteur|verfasser)(?=\\s*:))\\s*:?\\s+(\\p{Lu}[\\p{L}'’.\\-]{0,30}"
                    + "(?:\\s+(?:\\p{Lu}[\\p{L}'’.\\-]{0,30}|van|de|der|den|von|la|le|da|di|del|ter|ten|dos|du|el)){0,4})");

    static final Pattern SPLIT = Pattern.compile("\\s*(?:,|&|(?i:\\bim\\s+gespräch\\s+mit\\b|\\bin\\s+conversation\\s+with\\b|\\bin\\s+gesprek\\s+met\\b)|\\band\\b|\\ben\\b|\\bund\\b|\\bet\\b|\\by\\b|\\be\\b|;|/)\\s*");

    /** A CMS account rather than a person: one token ending in admin/administrator/editor ("siteadmin", "wp_admin2"). */
    private static final Pattern ACCOUNT_HANDLE = Pattern.compile("[\\p{L}0-9_.\\-]*(?:admin|administrator|editor)[0-9]*");

    private static final Set<String> NOT_NAMES = Set.of(
            "admin", "administrator", "editor", "staff", "redactie", "auteur", "author", "autor", "by", "door", "follow",
            "follow author", "more", "unknown", "anonymous", "guest", "contributor", "contributors", "news desk", "user",
            "over de auteur", "about the author", "share", "home", "menu", "read more", "lees meer", "meer", "volg",
            "no author", "datum", "date", "webmaster", "quelle", "source", "text", "foto", "photo",
            "bild", "fotos", "photos", "autoren", "authors", "autorin", "team");

    private Bylines() {
    }

    /** The news agencies of {@code resources/extract/news-agencies.txt}, lower-cased. */
    private static final Set<String> AGENCIES = loadAgencies();

    private static Set<String> loadAgencies() {
        Set<String> out = new java.util.HashSet<>();
        try (java.io.InputStream in = Bylines.class.getResourceAsStream("/extract/news-agencies.txt")) {
            if (in == null) {
                throw new IllegalStateException("resource /extract/news-agencies.txt is missing from the class path");
            }
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\\R")) {
                String l = line.trim();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    out.add(l.toLowerCase(Locale.ROOT));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read /extract/news-agencies.txt", e);
        }
        return Set.copyOf(out);
    }

    /** The parts of a credit: "dpa/lno", "AFP/The Local", "FR mit dpa", "Reuters, AP". */
    private static final Pattern CREDIT_PARTS = Pattern.compile(
            "\\s*(?:/|,|\\s(?:mit|with|und|and|met|en|avec|et|y|con)\\s)\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * A news agency's credit as the page writes it ("dpa/lno", "AFP/The Local", "JIJI"), else null: a short text
     * (optionally in parentheses) whose parts are each at most three words and one of which is a known agency.
     */
    static String agencyCredit(String raw) {
        if (raw == null || raw.length() > 80) {
            return null;
        }
        String s = TextRenderer.collapse(raw).trim();
        if (s.startsWith("(") && s.endsWith(")")) {
            s = s.substring(1, s.length() - 1).trim();
        }
        if (s.length() < 2 || s.length() > 40 || s.indexOf(':') >= 0) {
            return null; // "Foto: AFP" credits a picture
        }
        boolean agency = false;
        for (String part : CREDIT_PARTS.split(s)) {
            String p = part.trim();
            if (p.isEmpty() || ContentExtractor.wordCount(p) > 3) {
                return null;
            }
            agency |= AGENCIES.contains(p.toLowerCase(Locale.ROOT));
        }
        return agency ? s : null;
    }

    /** "Hamburg (dpa/lno) – ...": a place, then the credit in parentheses, then a dash that opens the report. */
    private static final Pattern DATELINE = Pattern.compile(
            "^\\p{Lu}[\\p{L}.'’\\- ]{1,40}?\\s*(?:,\\s*[\\p{L}0-9. ]{1,20})?\\s*\\(([^()]{2,40})\\)\\s*[-–—:]");
    /** "... hieß es. (XY mit dpa)": a credit in parentheses that closes a paragraph. */
    private static final Pattern CLOSING_CREDIT = Pattern.compile("\\(([^()]{2,40})\\)\\s*$");

    /** The characters of a paragraph's start that {@link #datelineCredit} reads a dateline in. */
    static final int DATELINE_HEAD = 120;

    /** The agency credit of a dateline that opens a paragraph ("Hamburg (dpa) – ...") or of a closing "(dpa)", else null. */
    static String datelineCredit(String paragraph) {
        if (paragraph == null || paragraph.indexOf('(') < 0) {
            return null;
        }
        String head = paragraph.length() > DATELINE_HEAD ? paragraph.substring(0, DATELINE_HEAD) : paragraph;
        Matcher m = DATELINE.matcher(head.stripLeading());
        if (m.find()) {
            String c = agencyCredit(m.group(1));
            if (c != null) {
                return c;
            }
        }
        return closingCredit(paragraph);
    }

    /** The agency credit in parentheses that closes a paragraph ("... hieß es. (XY mit dpa)"), else null. */
    static String closingCredit(String paragraph) {
        if (paragraph == null || paragraph.indexOf('(') < 0) {
            return null;
        }
        String tail = paragraph.length() > 60 ? paragraph.substring(paragraph.length() - 60) : paragraph;
        Matcher e = CLOSING_CREDIT.matcher(tail);
        return e.find() ? agencyCredit(e.group(1)) : null;
    }

    /** A newsroom's credit for itself rather than for a person or a source ("Redaktion", "Newsroom"). */
    private static final Set<String> DESK_CREDITS = Set.of("redaktion", "redactie", "newsroom", "news desk", "rédaction",
            "redacción", "redazione");

    /** Whether a name is only a {@link #DESK_CREDITS desk's credit}. */
    static boolean isDeskCredit(String name) {
        return name != null && DESK_CREDITS.contains(name.trim().toLowerCase(Locale.ROOT));
    }

    /** The verbs a CMS writes before the account that submitted or last edited a page (alternatives of a regex). */
    private static final String CMS_VERBS = "submitted|gespeichert|eingereicht|verfasst|geplaatst|ingezonden|soumis|enviado"
            + "|last\\s+edited|zuletzt\\s+(?:bearbeitet|geändert)|laatst\\s+bewerkt";
    /** A verb a CMS writes before the account that submitted or last edited a page. */
    static final Pattern CMS_VERB = Pattern.compile("(?i)\\b(?:" + CMS_VERBS + ")\\b");
    /**
     * "Submitted by jdoe on ...", "Gespeichert von jdoe am ...", "Verfasst von: jdoe | ...", "(last edited DATE by JDoe)":
     * the account name, one token, then a date word, a separator or the end of the line.
     */
    private static final Pattern CMS_LINE = Pattern.compile(
            "(?i:" + CMS_VERBS + ")[^|()]{0,40}?\\s(?i:by|von|door|par|por)\\s*:?\\s+"
                    + "(\\p{L}[\\p{L}\\p{N}_.\\-]{1,40})(?=\\s*(?:$|[|,()@–—]|-\\s|\\s(?i:am|on|op|le|el|at|um|\\d)))");

    /** Whether a short text may hold a CMS submission line (a cheap test before {@link #cmsAccount}). */
    static boolean mayHoldCmsLine(String text) {
        return text.length() <= 160 && hasCmsVerbStart(text) && CMS_VERB.matcher(text).find();
    }

    /** The first word of each of {@link #CMS_VERBS}, for the scan that rules out nearly every text before the regex. */
    private static final String[] CMS_VERB_STARTS = {"submitted", "gespeichert", "eingereicht", "verfasst", "geplaatst",
        "ingezonden", "soumis", "enviado", "last", "zuletzt", "laatst"};

    /** What {@link #CMS_CHARS} says of an ASCII character: a word character ({@code \\w}); one that may open a verb. */
    private static final byte CMS_WORD = 1;
    private static final byte CMS_OPENING = 2;
    /**
     * Per ASCII character: 0 when it is no word character ({@link #isAsciiWordChar}), {@link #CMS_WORD} when it is,
     * {@link #CMS_OPENING} when it is also the first letter (in either case) of one of {@link #CMS_VERB_STARTS}: one
     * look-up per character instead of the range tests.
     */
    private static final byte[] CMS_CHARS = new byte[128];
    /**
     * The first three letters of each of {@link #CMS_VERB_STARTS}, lower-case ASCII, as bits at {@link #trigram}'s
     * number: one look-up rules out nearly every word.
     */
    private static final long[] CMS_TRIGRAMS = new long[(26 * 26 * 26 + 63) >> 6];

    static {
        for (char c = 0; c < 128; c++) {
            CMS_CHARS[c] = isAsciiWordChar(c) ? CMS_WORD : 0;
        }
        for (String w : CMS_VERB_STARTS) {
            CMS_CHARS[w.charAt(0)] = CMS_OPENING;
            CMS_CHARS[Character.toUpperCase(w.charAt(0))] = CMS_OPENING;
            int t = trigram(w.charAt(0) - 'a', w.charAt(1) - 'a', w.charAt(2) - 'a');
            CMS_TRIGRAMS[t >> 6] |= 1L << t;
        }
    }

    /** The number of three letters given as 0 to 25 each. */
    private static int trigram(int a, int b, int c) {
        return (a * 26 + b) * 26 + c;
    }

    /** Whether the text holds the first word of a CMS verb, ASCII case aside (as the verb regex matches them). */
    private static boolean hasCmsVerbStart(String text) {
        boolean inWord = false;
        for (int i = 0, last = text.length() - 4; i <= last; i++) {
            char raw = text.charAt(i);
            int kind = raw < 128 ? CMS_CHARS[raw] : 0;
            if (kind == 0) {
                inWord = false;
                continue;
            }
            if (inWord) {
                continue; // inside a word (the verb regex opens with a word boundary: a verb inside a word never matches)
            }
            inWord = true;
            if (kind == CMS_OPENING) {
                // the first three letters before the whole word
                char c = (char) (raw | 0x20);
                char c1 = (char) (text.charAt(i + 1) | 0x20);
                char c2 = (char) (text.charAt(i + 2) | 0x20);
                if (c1 >= 'a' && c1 <= 'z' && c2 >= 'a' && c2 <= 'z') {
                    int t = trigram(c - 'a', c1 - 'a', c2 - 'a');
                    if ((CMS_TRIGRAMS[t >> 6] & 1L << t) != 0) {
                        for (String w : CMS_VERB_STARTS) {
                            if (w.charAt(0) == c && w.charAt(1) == c1 && w.charAt(2) == c2
                                    && text.regionMatches(true, i, w, 0, w.length())) {
                                return true;
                            }
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Whether a character is an ASCII letter, digit or underscore: a word character for every reading of {@code \b}. */
    private static boolean isAsciiWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
    }

    /** The account named by a CMS submission line ("Gespeichert von jdoe am 3. Mai 2017" → "jdoe"), else null. */
    static String cmsAccount(String line) {
        if (line == null || line.length() > 300) {
            return null;
        }
        String s = TextRenderer.collapse(line);
        Matcher m = CMS_LINE.matcher(s);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        return looksLikeName(name) && !DATE_WORDS.contains(name.toLowerCase(Locale.ROOT)) ? name : null;
    }

    /** The first letters of the words {@link #POSTED_ON_BY} starts with (it matches ASCII letters in either case). */
    private static final String POSTED_ON_BY_FIRST_LETTERS = "pvg";
    /** The first letters of the words {@link #PREFIX} starts with (it matches ASCII letters in either case). */
    private static final String PREFIX_FIRST_LETTERS = "abdegimprstvwz";

    /** Whether a text's first character, ASCII letters lower-cased, is one of {@code letters}. */
    static boolean opensWith(String s, String letters) {
        if (s.isEmpty()) {
            return false;
        }
        return letters.indexOf(asciiLower(s.charAt(0))) >= 0;
    }

    /** Strips byline prefixes, trailing dates and separators: "By Jane Doe | 3 May 2024" → "Jane Doe". */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String s = TextRenderer.collapse(raw).trim();
        // both patterns are anchored at the start: a text whose first letter opens none of their words is not matched
        Matcher posted = opensWith(s, POSTED_ON_BY_FIRST_LETTERS) ? POSTED_ON_BY.matcher(s) : null;
        if (posted != null && posted.find()) {
            s = s.substring(posted.end()).trim(); // "Posted on March 3, 2021 by Jane Doe"
        }
        for (int i = 0; i < 2; i++) {
            Matcher m = opensWith(s, PREFIX_FIRST_LETTERS) ? PREFIX.matcher(s) : null;
            if (m != null && m.find()) {
                s = s.substring(m.end()).trim();
            }
        }
        int cut = s.length();
        for (String sep : new String[] {" | ", " · ", " • ", " — ", " – ", "\n", " - "}) {
            int i = s.indexOf(sep);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        for (int i = 0; i < s.length() && i < cut; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                continue;
            }
            // digits glued to a one-word handle ("delta201") are part of it; after a full name they start a date
            if (i > 0 && Character.isLetter(s.charAt(i - 1)) && s.lastIndexOf(' ', i) < 0) {
                while (i + 1 < s.length() && Character.isDigit(s.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            cut = i;
            break;
        }
        s = s.substring(0, cut).trim();
        s = cutAtDateWord(s);
        while (!s.isEmpty() && ",;:|-–—·•".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).trim();
        }
        if (s.startsWith("@")) {
            s = s.substring(1);
        }
        return s;
    }

    private static final Set<String> DATE_WORDS = Set.copyOf(java.util.Arrays.asList(
            "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
            "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar",
            "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "maandag", "dinsdag", "woensdag", "donderdag",
            "vrijdag", "zaterdag", "zondag", "januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
            "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "januar", "februar", "märz",
            "juni", "oktober", "dezember", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
            "janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre",
            "décembre", "updated", "published", "bijgewerkt", "gepubliceerd", "aktualisiert", "today", "vandaag",
            "yesterday", "gisteren", "min", "minutes", "leestijd", "mo", "di", "mi", "do", "fr", "sa", "so", "mon", "tue",
            "wed", "thu", "fri", "sat", "sun"));

    /** Job titles that may follow a name in a byline ("Adam Aaronson PhillyVoice Staff"). */
    private static final Set<String> ROLE_WORDS = Set.of("staff", "contributor", "correspondent", "reporter", "editor",
            "redakteur", "redakteurin", "korrespondent", "korrespondentin", "journalist", "journalistin", "columnist",
            "photographer", "fotograf", "fotografin", "redacteur", "verslaggever", "correspondente", "rédacteur");

    /** A run of white space, as {@code String.split("\\s+")} splits on (compiled once instead of at each call). */
    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");
    /** The separators of a user handle's parts, as {@code String.split("[._\\-]")} splits on. */
    private static final Pattern HANDLE_SEPARATOR = Pattern.compile("[._\\-]");

    /** Cuts "Joe Wee Monday, February" to "Joe Wee": a name ends where a date or time word starts. */
    private static String cutAtDateWord(String s) {
        String[] words = WHITE_SPACE.split(s);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String w = stripTrailingPunctuation(words[i]).toLowerCase(Locale.ROOT);
            if (i > 0 && DATE_WORDS.contains(w)) {
                break;
            }
            if (i > 1 && ROLE_WORDS.contains(w)) {
                String prev = words[i - 1];
                if (i > 2 && prev.length() > 1 && !prev.substring(1).equals(prev.substring(1).toLowerCase(Locale.ROOT))
                        && !prev.equals(prev.toUpperCase(Locale.ROOT))) {
                    int cut = out.lastIndexOf(" ");
                    out.setLength(Math.max(cut, 0)); // "… PhillyVoice Staff": the brand before the role goes too
                }
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(words[i]);
        }
        return out.toString();
    }

    /** "May," → "May": the commas, dots, semicolons and colons at a word's end dropped. */
    private static String stripTrailingPunctuation(String word) {
        int end = word.length();
        while (end > 0 && ",.;:".indexOf(word.charAt(end - 1)) >= 0) {
            end--;
        }
        return word.substring(0, end);
    }

    /** A translator's credit ("Übersetzung Jane Doe", "Translated by ...", "Vertaling: ..."): not the author. */
    private static final Pattern TRANSLATOR = Pattern.compile(
            "(?:übersetzung|übersetzt\\s+von|translation|translated\\s+by|traduction|traduit\\s+par"
                    + "|traducción|traducido\\s+por|traduzione|tradotto\\s+da|vertaling|vertaald\\s+door)(?:\\s|:|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** Whether a text could be a person's name (or a short list of names). */
    static boolean looksLikeName(String raw) {
        if (raw == null) {
            return false;
        }
        String s = clean(raw);
        if (s == null || s.length() < 3 || s.length() > 80 || TRANSLATOR.matcher(s).lookingAt()) {
            return false;
        }
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("posted") || lower.startsWith("published") || lower.startsWith("updated")
                || lower.startsWith("veröffentlicht") || lower.startsWith("gepubliceerd") || lower.startsWith("publié")) {
            return false;
        }
        if (NOT_NAMES.contains(lower) || ACCOUNT_HANDLE.matcher(lower).matches() || s.contains("@") || s.contains("http") || s.contains("://")
                || s.contains("?") || s.contains("!") || s.contains(":")) {
            return false;
        }
        int words = ContentExtractor.wordCount(s);
        if (words > 8) {
            return false;
        }
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters * 2 >= s.length() && Character.isLetter(s.charAt(0));
    }

    /** The names in a byline, split on "and", "&", commas and their translations. */
    static List<String> names(String raw) {
        List<String> out = new ArrayList<>();
        String s = clean(raw);
        if (s == null || s.isEmpty()) {
            return out;
        }
        String credit = agencyCredit(s);
        if (credit != null) {
            out.add(credit); // "dpa/lno", "AFP/The Local": one agency credit, kept as written
            return out;
        }
        if (s.indexOf('(') >= 0) {
            s = s.substring(0, s.indexOf('(')).trim();
        }
        String[] parts = maySplit(s) ? SPLIT.split(s) : new String[] {s};
        if (parts.length > 1 && NOT_NAMES.contains(parts[0].trim().toLowerCase(Locale.ROOT)) && looksLikeName(s)) {
            out.add(s); // "Staff and wire reports": one credit, not a list of people
            return out;
        }
        for (String part : parts) {
            String name = clean(part);
            if (looksLikeName(name) && out.stream().noneMatch(n -> n.equalsIgnoreCase(name))) {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * False only when {@link #SPLIT} cannot match in {@code s}: it holds ASCII letters, spaces, dots, hyphens and
     * apostrophes only, no word of the split's own (and, en, und, et, y, e) and neither conversation phrase's first
     * word. Most bylines name one person, and the split's many alternatives were tried at every character. Any other
     * letter sends the byline to the regex: which letters {@code \b} counts as word characters differs between JDKs.
     */
    static boolean maySplit(String s) {
        int wordStart = 0;
        for (int i = 0, n = s.length(); i <= n; i++) {
            char c = i < n ? s.charAt(i) : ' ';
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c != ' ' && c != '.' && c != '-' && c != '\'') {
                return true;
            }
            if (isSplitWord(s, wordStart, i)) {
                return true;
            }
            wordStart = i + 1;
        }
        return false;
    }

    /** Whether {@code s[from, to)} is a word the split separates at or opens a conversation phrase with. */
    private static boolean isSplitWord(String s, int from, int to) {
        return switch (to - from) {
            case 1 -> s.charAt(from) == 'y' || s.charAt(from) == 'e';
            case 2 -> s.startsWith("en", from) || s.startsWith("et", from) || s.regionMatches(true, from, "im", 0, 2)
                    || s.regionMatches(true, from, "in", 0, 2);
            case 3 -> s.startsWith("and", from) || s.startsWith("und", from);
            default -> false;
        };
    }

    private static final Set<String> PREFIX_WORDS = Set.of("by", "door", "von", "par", "por", "by:", "door:", "von:", "par:",
            "por:", "written by", "geschreven door", "text:", "tekst:", "autor:", "auteur:", "author:");

    private static final Set<String> LABEL_WORDS = Set.of("autor", "autor:", "autorin", "autorin:", "author", "author:",
            "auteur", "auteur:", "autor*in", "verfasser", "verfasser:", "written by", "tekst", "tekst:", "text:");

    /** A cheap first test for {@link #isLabelOnly} and {@link #isPrefixOnly}: the first letter of one of their words. */
    private static boolean mayBeLabel(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && SEPARATORS.indexOf(c) < 0) {
                return "aAbBdDpPtTvVwW".indexOf(c) >= 0;
            }
        }
        return false;
    }

    /** Whether a text is only an author label ("Autor", "Author:"): the name then sits in the next element. */
    static boolean isLabelOnly(String text) {
        return isLabelWords(labelWords(text));
    }

    /** Whether a text is only a byline prefix ("By", "Von:", "| By"): the name then sits in the next element. */
    static boolean isPrefixOnly(String text) {
        return isPrefixWords(labelWords(text));
    }

    /**
     * The words of a text that may be a label or a prefix (as {@link #isLabelOnly} and {@link #isPrefixOnly} read them),
     * else empty: computed once for both tests.
     */
    static String labelWords(String text) {
        return text.length() <= 40 && mayBeLabel(text) ? labelText(text) : "";
    }

    /** Whether {@link #labelWords} of a text make an author label ("autor", "author:"). */
    static boolean isLabelWords(String words) {
        return LABEL_WORDS.contains(words);
    }

    /** Whether {@link #labelWords} of a text make a byline prefix ("by", "von:"). */
    static boolean isPrefixWords(String words) {
        return PREFIX_WORDS.contains(words);
    }

    /** A label's words, lower-cased, without the separators a template sets around it ("| By " → "by"). */
    private static String labelText(String text) {
        int visible = 0;
        for (int i = 0; i < text.length() && visible <= LONGEST_LABEL; i++) {
            if (!Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\u00A0') {
                visible++;
            }
        }
        if (visible > LONGEST_LABEL) {
            return ""; // more letters than any label or prefix: no need to collapse its white space
        }
        String s = TextRenderer.collapse(text).trim();
        int start = 0;
        while (start < s.length() && SEPARATORS.indexOf(s.charAt(start)) >= 0) {
            start++;
        }
        return s.substring(start).trim().toLowerCase(Locale.ROOT);
    }

    private static final String SEPARATORS = "|·•/-–—";
    /** More visible characters than any {@link #LABEL_WORDS} or {@link #PREFIX_WORDS} entry with separators around it. */
    private static final int LONGEST_LABEL = 24;

    /** The words a {@link #BYLINE_LINE} starts with, lower-cased. */
    private static final String[] LINE_STARTS = {"by", "door", "von", "par", "por", "written", "posted", "reported",
        "geschreven", "author", "autor", "autorin", "auteur", "verfasser"};

    /**
     * A cheap first test for {@link #fromLine}, on the text that opens the line: whether it starts with one of the
     * words a byline line starts with, followed by a space or a colon.
     */
    static boolean mayOpenLine(String text) {
        int i = 0;
        while (i < text.length() && (Character.isWhitespace(text.charAt(i)) || text.charAt(i) == '\u00A0')) {
            i++;
        }
        if (i >= text.length() || "bBdDvVpPwWrRgGaA".indexOf(text.charAt(i)) < 0) {
            return false;
        }
        for (String w : LINE_STARTS) {
            int end = i + w.length();
            if (text.regionMatches(true, i, w, 0, w.length()) && end < text.length()) {
                char c = text.charAt(end);
                if (Character.isWhitespace(c) || c == ':' || c == '\u00A0') {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The characters that, as a text's first visible character (after white space and no-break spaces), let
     * {@link #hanCredit} or {@link #labelWords} find something whatever follows: a {@link #SEPARATORS separator} before
     * a label, an opening bracket or the first character of a Chinese credit label.
     */
    private static final String BYLINE_TEXT_OPENINGS = SEPARATORS + "(（【[作记责编";

    /**
     * A cheap first test for a text node that may open or label a byline: false only when {@link #hanCredit} is null,
     * {@link #labelWords} neither {@link #isLabelWords a label} nor {@link #isPrefixWords a prefix}, and
     * {@link #mayOpenLine} false for it, found from its first two visible characters (a blank text, the most common
     * text node, is ruled out at once). Every label, prefix and line word opens with one of the pairs tested (by, do,
     * vo, pa, po, wr, re, ge, te, au, ve), in ASCII letters of either case; no other character is read as one of them.
     */
    static boolean mayOpenByline(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                continue;
            }
            if (BYLINE_TEXT_OPENINGS.indexOf(c) >= 0) {
                return true;
            }
            if (i + 1 == n) {
                return false; // one letter is no word
            }
            char next = asciiLower(text.charAt(i + 1));
            return switch (asciiLower(c)) {
                case 'b' -> next == 'y';
                case 'd' -> next == 'o';
                case 'v' -> next == 'o' || next == 'e';
                case 'p' -> next == 'a' || next == 'o';
                case 'w' -> next == 'r';
                case 'r', 'g', 't' -> next == 'e';
                case 'a' -> next == 'u';
                default -> false;
            };
        }
        return false;
    }

    /** The character lower-cased if it is an ASCII capital, else as it is. */
    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    /** The name in a short line that starts like a byline ("By Jane Doe"), else null. */
    static String fromLine(String line) {
        if (line == null) {
            return null;
        }
        String s = TextRenderer.collapse(line).trim();
        if (s.length() < 5 || s.length() > 100) {
            return null;
        }
        Matcher m = BYLINE_LINE.matcher(s);
        if (!m.find() || s.endsWith(":")) {
            return null; // "Von Hackern erpresst:" introduces a teaser or a heading, not a byline
        }
        String name = m.group(1).trim();
        return looksLikeName(name) && Character.isUpperCase(name.charAt(0)) ? name : null;
    }

    /**
     * A credit line of a Chinese news page, the name after its label: "作者：" (author), "记者：" (reporter), "编辑：" or
     * "责任编辑：" (the editor in charge, who stands for the desk when no writer is named).
     */
    private static final Pattern HAN_CREDIT = Pattern.compile(
            "^[\\s(（【\\[]*(?:作者|记者|责任编辑|编辑|责编)\\s*[:：]\\s*(\\p{IsHan}{2,4})[\\s)）】\\]]*$");

    /** The name in a Chinese credit line ({@link #HAN_CREDIT}), else null; a cheap test on its characters first. */
    static String hanCredit(String text) {
        if (text.length() > 40 || text.indexOf('：') < 0 && text.indexOf(':') < 0
                || text.indexOf('编') < 0 && text.indexOf('者') < 0) {
            return null;
        }
        Matcher m = HAN_CREDIT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String name = m.group(1);
        // "佚名" (anonymous) names nobody; a name ending in "社" (agency) or "网" (site) is an outlet, not a person
        return name.equals("佚名") || name.endsWith("社") || name.endsWith("网") ? null : name;
    }

    /** A user handle made of name parts: "jane.doe", "jane_doe", "jane-doe" (lower case, two or more parts). */
    private static final Pattern HANDLE = Pattern.compile("\\p{Ll}{2,}(?:[._\\-]\\p{Ll}{2,}){1,2}");

    /** A run of two to four capitalised words, initials allowed in the middle: "Jane Doe", "Jane Q. Doe". */
    private static final Pattern FULL_NAME = Pattern.compile(
            "(?<![\\p{L}])\\p{Lu}[\\p{L}'’\\-]+(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'’\\-]+)){1,3}(?![\\p{L}])");

    /** Whether a name is a user handle made of name parts ("jane.doe", "jane_doe", "jane-doe"). */
    static boolean isHandle(String name) {
        return name != null && HANDLE.matcher(name).matches();
    }

    /**
     * The full name a user handle stands for, as the page writes it: "jane.doe" is the "Jane Q. Doe" in the text whose
     * first and last words are the handle's parts (accents and case aside). Null when the text has no such name.
     */
    static String expandHandle(String handle, String text) {
        if (text == null || !isHandle(handle)) {
            return null;
        }
        String[] parts = HANDLE_SEPARATOR.split(handle);
        String first = parts[0];
        String last = parts[parts.length - 1];
        Matcher m = FULL_NAME.matcher(text);
        while (m.find()) {
            String[] words = WHITE_SPACE.split(m.group());
            if (fold(words[0]).equals(first) && fold(words[words.length - 1]).equals(last)) {
                return m.group();
            }
        }
        return null;
    }

    /**
     * A sentence of an author note: a name of two to four capitalised words (particles and initials allowed) at the
     * start of the text or of a sentence, then "is", "ist", "es", "est", "was", "war" and a word: "Jane Doe is a
     * professor of ...", "Jan Modaal ist Architekt ...".
     */
    private static final Pattern BIO_SENTENCE = Pattern.compile(
            "(?:^|[.!?]\\s+)(\\p{Lu}[\\p{L}'’\\-]*\\.?(?:\\s+(?:\\p{Lu}[\\p{L}'’\\-]*\\.?|van|de|der|den|von|la|le|da|di|del|ter|ten|dos|du)){1,3})"
                    + "\\s+(?:is|ist|es|est|was|war)\\s+\\p{L}");
    /** Words that open a sentence about a thing or an unnamed person ("Die Autorin ist ...", "This article was ..."). */
    private static final Set<String> NOT_BIO_SUBJECTS = Set.of("der", "die", "das", "dieser", "diese", "dieses", "ein", "eine",
            "the", "this", "that", "a", "an", "our", "my", "el", "la", "los", "las", "le", "les", "il", "lo", "un", "una", "une",
            "de", "het", "dit", "deze", "een", "unser", "unsere", "mein", "meine");

    /**
     * The people an author note introduces, one per sentence that opens with a name and "is"/"ist"/"es"/"est"
     * ("Jane Doe is a professor of ... . John Roe is ..."): empty when the text is not such a note.
     */
    static List<String> bioSubjects(String note) {
        List<String> out = new ArrayList<>();
        if (note == null) {
            return out;
        }
        Matcher m = BIO_SENTENCE.matcher(note.strip());
        while (m.find() && (m.start() == 0 || !out.isEmpty())) {
            String name = m.group(1);
            String[] words = WHITE_SPACE.split(name);
            boolean ok = !NOT_BIO_SUBJECTS.contains(words[0].toLowerCase(Locale.ROOT)) && looksLikeName(name);
            for (String w : words) {
                ok &= !NOT_NAMES.contains(w.toLowerCase(Locale.ROOT));
            }
            if (!ok) {
                return out; // a sentence about something else: the note stops here
            }
            out.add(name);
        }
        return out;
    }

    /** Lower case without accents: "Lefèvre" → "lefevre". */
    static String fold(String s) {
        String d = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** "©", "(c)" or "Copyright", then years, then the holder. */
    private static final Pattern COPYRIGHT = Pattern.compile(
            "(?:©|\\(c\\)|\\bcopyright\\b)(?:\\s*(?:©|\\(c\\)|copyright\\b|[0-9]{4}\\s*(?:[-–—]\\s*(?:[0-9]{4})?)?|by\\b|,))*\\s*",
            Pattern.CASE_INSENSITIVE);

    /** Where a copyright holder's name ends: a sentence, a separator, "all rights reserved" in several languages. */
    private static final Pattern HOLDER_END = Pattern.compile(
            "\\.\\s|\\.$|\\s[|•·/–—-]\\s|,|\\s(?:[0-9]{4})\\b|(?i:\\s(?:all|alle|tous|todos|tutti)\\s)");

    /**
     * The holder a copyright line names ("© 2012-2020 Jane Doe. All rights reserved." → "Jane Doe"), when it reads like a
     * name of at most five words; else null.
     */
    static String copyrightHolder(String line) {
        if (line == null || line.length() > 300) {
            return null;
        }
        String s = TextRenderer.collapse(line).trim();
        Matcher m = COPYRIGHT.matcher(s);
        if (!m.find()) {
            return null;
        }
        String rest = s.substring(m.end());
        Matcher end = HOLDER_END.matcher(rest);
        String holder = (end.find() ? rest.substring(0, end.start()) : rest).trim();
        while (!holder.isEmpty() && ",;:|-–—·•".indexOf(holder.charAt(holder.length() - 1)) >= 0) {
            holder = holder.substring(0, holder.length() - 1).trim();
        }
        if (holder.isEmpty() || ContentExtractor.wordCount(holder) > 5 || !looksLikeName(holder)
                || !Character.isUpperCase(holder.charAt(0))) {
            return null;
        }
        return holder;
    }
}
