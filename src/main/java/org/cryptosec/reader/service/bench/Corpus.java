package org.cryptosec.reader.service.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cryptosec.reader.service.LibraryException;

/**
 * The sampling pools taken from the real corpora in {@code shared/data/articles}: per source, one lane
 * per language with its sentences, titles and authors, and the source's publication dates. Loaded
 * in file order, so the pools (and everything sampled from them with a seed) are deterministic.
 */
final class Corpus {

    /** Sentences, titles and authors of one language within one source. */
    record Lane(String lang, List<String> sentences, List<String> titles, List<String> authors) {
    }

    /** One corpus folder: becomes one feed. {@code dates} are epoch days. */
    record Source(String key, String title, String siteUrl, List<Lane> lanes, List<Long> dates) {
    }

    private static final int MIN_SENTENCE_WORDS = 6;
    private static final int MAX_SENTENCE_WORDS = 60;
    private static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[\\p{Lu}\"“(\\d])");
    private static final Pattern ACCORDING_TO = Pattern.compile("^According to ([A-Z][\\w.]*(?: [A-Z][\\w.]*){0,2}),");
    private static final Pattern POST_DATE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})-");
    private static final Set<String> DUTCH = Set.of("de", "het", "een", "en", "van", "is", "dat", "op", "te", "voor",
            "met", "zijn", "niet", "wordt", "worden", "deze", "die", "er", "bij", "ook", "naar", "om", "kan", "wij",
            "we", "hebben", "heeft", "als", "dit", "nog", "aan", "uit", "maar", "door", "wat", "over", "zich");
    private static final Set<String> ENGLISH = Set.of("the", "and", "of", "to", "is", "that", "for", "with", "are",
            "this", "be", "on", "it", "was", "by", "as", "an", "have", "has", "from", "which", "we", "our", "can",
            "not", "were", "been", "their", "they", "at", "or", "will", "these", "in");

    final List<Source> sources;

    private Corpus(List<Source> sources) {
        this.sources = List.copyOf(sources);
    }

    static Corpus load(Path dir) throws LibraryException {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new LibraryException("Corpus folder " + (dir == null ? null : dir.toAbsolutePath().normalize())
                    + " does not exist: pass --corpus DIR pointing at shared/data/articles"
                    + " (with rekt-news, divd-csirt and binance-news)", null);
        }
        try {
            List<Source> sources = new ArrayList<>();
            sources.add(rekt(dir.resolve("rekt-news")));
            sources.add(divd(dir.resolve("divd-csirt")));
            sources.add(binance(dir.resolve("binance-news")));
            return new Corpus(sources);
        } catch (IOException | IllegalArgumentException e) {
            throw new LibraryException("Cannot read the corpus in " + dir.toAbsolutePath().normalize() + ": "
                    + e.getMessage(), e);
        }
    }

    private static Source rekt(Path dir) throws IOException {
        LaneBuilder en = new LaneBuilder("en");
        LaneBuilder de = new LaneBuilder("de");
        List<Long> dates = new ArrayList<>();
        for (String file : List.of("rekt_articles_en.jsonl", "rekt_articles_translation_workfolders.jsonl")) {
            for (Map<String, Object> row : jsonLines(dir.resolve(file))) {
                LaneBuilder lane = "de".equals(str(row.get("lang"))) ? de : en;
                lane.title(str(row.get("title")));
                lane.author("rekt"); // rekt.news publishes without bylines
                for (String s : sentences(str(row.get("body_markdown")))) {
                    lane.sentences.add(s);
                }
                addDate(dates, str(row.get("date")), DateTimeFormatter.ofPattern("MM/dd/yyyy", Locale.ROOT));
            }
        }
        return source("rekt-news", "Rekt News", "https://rekt.news/", dates, en, de);
    }

    private static Source divd(Path dir) throws IOException {
        LaneBuilder nl = new LaneBuilder("nl");
        LaneBuilder en = new LaneBuilder("en");
        List<Long> dates = new ArrayList<>();
        for (Map<String, Object> row : jsonLines(dir.resolve("divd_csirt_posts_cases.jsonl"))) {
            String title = str(row.get("title"));
            String author = str(row.get("author"));
            boolean dutch = Boolean.TRUE.equals(row.get("has_dutch"));
            en.title(title);
            en.author(author);
            if (dutch) {
                nl.title(title);
                nl.author(author);
            }
            for (String s : sentences(str(row.get("body_markdown")))) {
                (isDutch(s) ? nl : en).sentences.add(s);
            }
            Object fm = row.get("front_matter");
            String start = fm instanceof Map<?, ?> m ? str(m.get("start")) : null;
            addDate(dates, start, DateTimeFormatter.ISO_LOCAL_DATE);
            Matcher post = POST_DATE.matcher(String.valueOf(row.get("source_path")));
            if (post.find()) {
                addDate(dates, post.group(1), DateTimeFormatter.ISO_LOCAL_DATE);
            }
        }
        return source("divd-csirt", "DIVD CSIRT", "https://www.divd.nl/", dates, nl, en);
    }

    private static Source binance(Path dir) throws IOException {
        LaneBuilder en = new LaneBuilder("en");
        List<Long> dates = new ArrayList<>();
        for (String[] file : new String[][] {{"binance_bitcoin_news.csv", "Binance News"},
                {"yahoo_bitcoin_news.csv", "Yahoo Finance"}}) {
            List<List<String>> rows = Csv.parse(read(dir.resolve(file[0])));
            for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
                if (row.size() < 3) {
                    continue;
                }
                addDate(dates, row.get(0), DateTimeFormatter.ISO_LOCAL_DATE);
                String description = row.get(1).strip();
                Matcher according = ACCORDING_TO.matcher(description);
                en.author(according.find() ? according.group(1) : file[1]);
                List<String> shortSentences = sentences(row.get(2));
                if (!shortSentences.isEmpty()) {
                    en.title(titleFrom(shortSentences.get(0)));
                }
                en.sentences.addAll(sentences(description));
                en.sentences.addAll(shortSentences);
            }
        }
        return source("binance-news", "Bitcoin News (Binance, Yahoo)", "https://www.binance.com/en/square/news", dates, en);
    }

    private static Source source(String key, String title, String site, List<Long> dates, LaneBuilder... lanes) {
        List<Lane> built = new ArrayList<>();
        for (LaneBuilder lane : lanes) {
            if (lane.sentences.size() >= 20 && !lane.titles.isEmpty() && !lane.authors.isEmpty()) {
                built.add(new Lane(lane.lang, List.copyOf(new LinkedHashSet<>(lane.sentences)),
                        List.copyOf(lane.titles), List.copyOf(lane.authors)));
            }
        }
        if (built.isEmpty()) {
            throw new IllegalArgumentException(key + " holds too few sentences to sample from");
        }
        if (dates.isEmpty()) {
            throw new IllegalArgumentException(key + " holds no publication dates");
        }
        return new Source(key, title, site, built, List.copyOf(dates));
    }

    private static final class LaneBuilder {
        final String lang;
        final List<String> sentences = new ArrayList<>();
        final Set<String> titles = new LinkedHashSet<>();
        final Set<String> authors = new LinkedHashSet<>();

        LaneBuilder(String lang) {
            this.lang = lang;
        }

        void title(String t) {
            if (t != null && !t.isBlank()) {
                titles.add(t.strip());
            }
        }

        void author(String a) {
            if (a != null && !a.isBlank()) {
                authors.add(a.strip());
            }
        }
    }

    // ---- text cleaning ----

    /** Markdown/HTML body to plain sentences of 6..60 words that end like sentences. */
    static List<String> sentences(String markdown) {
        List<String> out = new ArrayList<>();
        if (markdown == null) {
            return out;
        }
        String text = markdown
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("\\{\\{.*?}}|\\{%.*?%}", " ")
                .replaceAll("!\\[[^\\]]*]\\([^)]*\\)", " ")
                .replaceAll("\\[([^\\]]*)]\\([^)]*\\)", "$1")
                .replaceAll("<[^>]{0,500}>", " ")
                .replaceAll("https?://\\S+", " ")
                .replace("**", "").replace("__", "").replace("`", "")
                .replace("&nbsp;", " ").replace("&amp;", "&");
        for (String line : text.split("\n")) {
            String l = line.strip().replaceAll("^(#+|>|[-*+]|\\d+\\.)\\s*", "")
                    .replaceAll("(?<![\\p{L}\\d])_|_(?![\\p{L}\\d])", "").strip();
            if (l.isEmpty() || l.contains("|")) {
                continue;
            }
            for (String s : SENTENCE_END.split(l)) {
                s = s.strip().replaceAll("\\s+", " ");
                int words = s.isEmpty() ? 0 : s.split(" ").length;
                char last = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
                boolean sized = words >= MIN_SENTENCE_WORDS && words <= MAX_SENTENCE_WORDS;
                boolean ends = last == '.' || last == '!' || last == '?';
                boolean starts = sized && (Character.isUpperCase(s.codePointAt(0)) || Character.isDigit(s.charAt(0)));
                if (sized && ends && starts) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    static boolean isDutch(String sentence) {
        int nl = 0;
        int en = 0;
        for (String w : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (DUTCH.contains(w)) {
                nl++;
            }
            if (ENGLISH.contains(w)) {
                en++;
            }
        }
        return nl > en;
    }

    private static String titleFrom(String sentence) {
        String[] words = sentence.replaceAll("[.!?]+$", "").split(" ");
        if (words.length <= 14) {
            return String.join(" ", words);
        }
        return String.join(" ", List.of(words).subList(0, 12)) + "…";
    }

    // ---- file reading ----

    private static String read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("missing file " + file);
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException(file + " is larger than " + MAX_FILE_BYTES + " bytes");
        }
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> jsonLines(Path file) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = 0;
        for (String line : read(file).split("\n")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            Object v;
            try {
                v = JSON.readValue(line, Object.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalArgumentException(file.getFileName() + " line " + n + ": " + e.getOriginalMessage(), e);
            }
            if (!(v instanceof Map)) {
                throw new IllegalArgumentException(file.getFileName() + " line " + n + " is not a JSON object");
            }
            rows.add((Map<String, Object>) v);
        }
        return rows;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private static String str(Object o) {
        return o instanceof String s ? s : null;
    }

    private static void addDate(List<Long> dates, String text, DateTimeFormatter format) {
        if (text == null || text.isBlank()) {
            return;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip(), format);
            if (d.getYear() >= 2000 && d.getYear() <= 2100) {
                dates.add(d.atStartOfDay(ZoneOffset.UTC).toLocalDate().toEpochDay());
            }
        } catch (DateTimeParseException e) {
            // an undated or oddly dated entry contributes no date
        }
    }

    /** RFC 4180 CSV: quoted fields may hold commas, newlines and doubled quotes. */
    static final class Csv {
        private Csv() {
        }

        static List<List<String>> parse(String text) {
            List<List<String>> rows = new ArrayList<>();
            List<String> row = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"') {
                        if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    row.add(field.toString());
                    field.setLength(0);
                    if (!(row.size() == 1 && row.get(0).isEmpty())) {
                        rows.add(row);
                    }
                    row = new ArrayList<>();
                } else {
                    field.append(c);
                }
            }
            if (field.length() > 0 || !row.isEmpty()) {
                row.add(field.toString());
                rows.add(row);
            }
            return rows;
        }
    }
}
