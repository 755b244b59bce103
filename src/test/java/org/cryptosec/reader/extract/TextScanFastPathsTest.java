package org.cryptosec.reader.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The ASCII fast paths of the text scans answer exactly as the plain character-class lookups do. */
class TextScanFastPathsTest {

    private static final String ALPHABET = "aZ09 ,.;\t\n\u000B\u001F\u007F\u0080\u00A0\u00C9\u00E9\u0130\u0131\u00DF"
            + "\u0660\u0967\u2003\u200B\u3000\u4E2D\uFF0C\u3001-_'\"!?";

    /** What normalize did with the plain lookups for every character. */
    private static String lookupNormalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(Character.toLowerCase(c));
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    private static int lookupWordCount(String text) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < text.length(); i++) {
            boolean w = !Character.isWhitespace(text.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    private static String random(Random rnd, String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void normalizeAndWordCountMatchTheLookupsOnEveryCharacter() {
        for (char c = 0; c < 0x3100; c++) {
            String s = "A" + c + "b " + c;
            assertEquals(lookupNormalize(s), ContentExtractor.normalize(s), "char " + (int) c);
            assertEquals(lookupWordCount(s), ContentExtractor.wordCount(s), "char " + (int) c);
        }
    }

    @Test
    void normalizeAndWordCountMatchTheLookupsOnMixedText() {
        Random rnd = new Random(42);
        for (int i = 0; i < 2000; i++) {
            String s = random(rnd, ALPHABET, rnd.nextInt(60));
            assertEquals(lookupNormalize(s), ContentExtractor.normalize(s), s);
            assertEquals(lookupWordCount(s), ContentExtractor.wordCount(s), s);
        }
    }

    /** The figures textFigures gives, told another way: white space runs made one space, the ends stripped. */
    private static long lookupTextFigures(String s) {
        StringBuilder marks = new StringBuilder();
        int commas = 0;
        for (char c : s.toCharArray()) {
            marks.append(Character.isWhitespace(c) || c == '\u00A0' ? ' ' : 'x');
            commas += ",\uFF0C\u3001;".indexOf(c) >= 0 ? 1 : 0;
        }
        int collapsed = marks.toString().replaceAll(" +", " ").strip().length();
        return ((long) collapsed << 32) | commas;
    }

    @Test
    void textFiguresMatchTheLookupsOnEveryCharacterAndMixedText() {
        for (char c = 0; c < 0x3100; c++) {
            String s = " x" + c + c + ", " + c;
            assertEquals(lookupTextFigures(s), ContentExtractor.textFigures(s), "char " + (int) c);
        }
        Random rnd = new Random(3);
        for (int i = 0; i < 2000; i++) {
            String s = random(rnd, ALPHABET, rnd.nextInt(60));
            assertEquals(lookupTextFigures(s), ContentExtractor.textFigures(s), s);
        }
    }

    @Test
    void boilerplateTokensAreToldApartFromTheCharactersAroundThem() {
        for (char c = 0; c < 0x3100; c++) {
            // a letter or digit beside "ad" makes another word; anything else leaves the token "ad" on its own
            String s = ("x" + c + "ad" + c + "y").toLowerCase(java.util.Locale.ROOT);
            boolean word = Character.isLetterOrDigit(c);
            assertEquals(!word, Hints.isNegative(s), "char " + (int) c);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 100, 4095, 4096, 4097, 9000})
    void aKeyIsFoundInTheNormalizedTextWhereverItSits(int at) {
        String filler = "Filler words, FILLER words; ".repeat(400);
        String text = filler.substring(0, Math.min(at, filler.length())) + " The Lead-Sentence sits HERE. " + filler;
        String key = ContentExtractor.normalize("the lead sentence sits here");
        assertEquals(ContentExtractor.normalize(text).contains(key), ContentExtractor.normalizedContains(text, key));
        assertEquals(true, ContentExtractor.normalizedContains(text, key));
        assertEquals(false, ContentExtractor.normalizedContains(text, "absent key words"));
    }

    @Test
    void theNormalizedStartOfATextIsTheStartOfTheNormalizedText() {
        Random rnd = new Random(7);
        for (int i = 0; i < 500; i++) {
            String s = random(rnd, ALPHABET, 1 + rnd.nextInt(80));
            String whole = ContentExtractor.normalize(s);
            for (int cut = 0; cut <= s.length(); cut++) {
                assertEquals(true, whole.startsWith(ContentExtractor.normalize(s.substring(0, cut))), s + " cut " + cut);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "The market and the regulators of the country said that the exchange was hacked in the night.",
        "DE MARKT EN DE TOEZICHTHOUDER ZEGGEN DAT HET PLATFORM IS GEHACKT EN DAT HET GELD WEG IS VAN DE KLANTEN.",
        "Der Markt und die Aufsicht sagen, dass die Börse gehackt wurde und das Geld nicht mehr da ist.",
        "Le marché et le régulateur disent que la plateforme a été piratée et que les fonds sont perdus pour les clients."})
    void languageIsTheSameWhateverTheCaseOfTheText(String text) {
        Optional<String> lower = LanguageDetector.detect(text.toLowerCase(java.util.Locale.ROOT));
        assertEquals(lower, LanguageDetector.detect(text));
        assertEquals(lower, LanguageDetector.detect(text.toUpperCase(java.util.Locale.ROOT)));
    }

    /** Written dates in every form the patterns read ({y}, {m}, {d}, {M} filled at random), and what sits around them. */
    private static final String[] DATE_TEMPLATES = {"{d} {M} {y}", "{M} {d}, {y}", "{y}-{m}-{d}", "{d}.{m}.{y}",
        "{d}/{m}/{y}", "{y}/{m}/{d}", "{y}.{m}.{d}", "{y}年{m}月{d}日", "{y}년 {m}월 {d}일", "{d}. {M} {y}",
        "{d}th of {M}, {y}", "{d} de {M} de {y}", "{d}. \u00A0{m}. {y}"};
    private static final String[] DATE_NOISE = {"", " ", "a", "1", "0", "on ", "Posted ", ", updated", "x", ".", "/",
        "-", "年", "\u2009"};
    private static final String[] YEARS = {"2021", "1999", "2020", "1900", "2099", "1899", "2100", "0202", "20211", "202"};
    private static final String[] MONTHS = {"januari", "March", "Sept", "février", "Mai", "mrt", "xyz", "Dezember"};

    @Test
    void aTextWithoutAFourDigitYearHoldsNoDate() {
        // the year look first: whatever the patterns find over the whole text, as they found without it
        Random rnd = new Random(23);
        int dated = 0;
        int undated = 0;
        for (int k = 0; k < 100_000; k++) {
            String date = DATE_TEMPLATES[rnd.nextInt(DATE_TEMPLATES.length)]
                    .replace("{y}", YEARS[rnd.nextInt(YEARS.length)])
                    .replace("{m}", String.valueOf(rnd.nextInt(14)))
                    .replace("{d}", String.valueOf(rnd.nextInt(34)))
                    .replace("{M}", MONTHS[rnd.nextInt(MONTHS.length)]);
            String text = DATE_NOISE[rnd.nextInt(DATE_NOISE.length)] + date + DATE_NOISE[rnd.nextInt(DATE_NOISE.length)];
            if (rnd.nextInt(4) == 0 && text.length() > 1) {
                int at = rnd.nextInt(text.length());
                text = text.substring(0, at) + text.substring(at + 1); // a character dropped
            }
            java.time.Instant whole = VisibleDates.firstDate(text, 0, text.length());
            assertEquals(whole, VisibleDates.firstDate(text), text);
            if (whole == null) {
                undated++;
            } else {
                dated++;
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(dated > 10_000 && undated > 20_000, dated + " dated, " + undated + " not");
    }

    private static final String[] URL_PIECES = {"/", "/", "news", "-", "_", ".", "2021", "1999", "2020", "1899", "2100",
        "19", "20", "0", "1", "3", "03", "12", "13", "31", "32", "7", "20210315", "19991231", "2024-05-06", "x1", "a",
        "story.html", "?", "=", "id", "9"};

    @Test
    void aUrlPathWithoutAYearAfterNoDigitHoldsNoDate() {
        Random rnd = new Random(31);
        int dated = 0;
        int ruledOut = 0;
        for (int k = 0; k < 200_000; k++) {
            StringBuilder path = new StringBuilder();
            for (int n = rnd.nextInt(9); n >= 0; n--) {
                path.append(URL_PIECES[rnd.nextInt(URL_PIECES.length)]);
            }
            String p = path.toString();
            java.time.Instant byPatterns = VisibleDates.fromPath(p);
            boolean may = VisibleDates.mayOpenUrlYear(p);
            if (!may) {
                org.junit.jupiter.api.Assertions.assertNull(byPatterns, p); // ruled out only when the patterns find no date
            }
            dated += byPatterns != null ? 1 : 0;
            ruledOut += may ? 0 : 1;
            // the whole way, from a page's address: its path before the query, by the patterns alone
            String url = "https://news.example/" + p;
            int query = p.indexOf('?');
            assertEquals(VisibleDates.fromPath("/" + (query < 0 ? p : p.substring(0, query))), VisibleDates.fromUrl(url), url);
        }
        org.junit.jupiter.api.Assertions.assertTrue(dated > 5_000 && ruledOut > 20_000, dated + " dated, " + ruledOut + " ruled out");
    }
}
