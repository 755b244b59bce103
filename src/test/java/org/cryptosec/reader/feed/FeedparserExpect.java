package org.cryptosec.reader.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A small, safe interpreter for the subset of Python in feedparser's {@code Expect:} lines that talks
 * about fields our model has: {@code [not bozo and] CLAUSE [and CLAUSE]...} where a clause (optionally in
 * parentheses) is a chain {@code OPERAND == OPERAND [== OPERAND]} and an operand is a path
 * ({@code feed['title']}, {@code entries[0]['link']}, ...) or a literal (a string, possibly {@code u}-prefixed
 * and concatenated with {@code +}, an integer, or a tuple of integers). Anything else (other operators,
 * calls, fields we do not model) makes the whole expectation {@link Outcome#UNSUPPORTED}: it is never
 * evaluated by guessing. Nothing is executed; the text is only tokenised.
 */
final class FeedparserExpect {

    enum Outcome { PASS, FAIL, UNSUPPORTED }

    /** Thrown for anything outside the subset. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    private FeedparserExpect() {
    }

    /** The expression after {@code Expect:} in a feedparser test file, or null. */
    static String expectation(String fileText) {
        int at = fileText.indexOf("Expect:");
        if (at < 0) {
            return null;
        }
        int end = fileText.indexOf('\n', at);
        String line = fileText.substring(at + "Expect:".length(), end < 0 ? fileText.length() : end).strip();
        if (line.endsWith("-->")) {
            line = line.substring(0, line.length() - 3).strip();
        }
        return line;
    }

    static Outcome evaluate(String expression, ParsedFeed feed) {
        try {
            List<String> clauses = clauses(expression);
            List<List<Object>> chains = new ArrayList<>();
            for (String clause : clauses) {
                chains.add(chain(clause, feed));
            }
            for (List<Object> chain : chains) {
                for (int i = 1; i < chain.size(); i++) {
                    if (!same(chain.get(i - 1), chain.get(i))) {
                        return Outcome.FAIL;
                    }
                }
            }
            return Outcome.PASS;
        } catch (Unsupported e) {
            return Outcome.UNSUPPORTED;
        }
    }

    /** Like {@link #evaluate} but says why an expectation is unsupported (for the report). */
    static String whyUnsupported(String expression, ParsedFeed feed) {
        try {
            for (String clause : clauses(expression)) {
                chain(clause, feed);
            }
            return null;
        } catch (Unsupported e) {
            return e.getMessage();
        }
    }

    // ---------------------------------------------------------------- structure

    /** Top-level {@code and} clauses, with a leading {@code not bozo} dropped (our parser has no bozo bit). */
    static List<String> clauses(String expression) throws Unsupported {
        List<String> parts = splitTopLevel(expression.strip(), " and ");
        List<String> clauses = new ArrayList<>();
        for (String part : parts) {
            String p = unwrap(part.strip());
            if (p.equals("not bozo")) {
                continue;
            }
            if (p.isEmpty()) {
                throw new Unsupported("empty clause");
            }
            clauses.add(p);
        }
        if (clauses.isEmpty()) {
            throw new Unsupported("nothing but the bozo bit");
        }
        return clauses;
    }

    private static String unwrap(String s) {
        while (s.startsWith("(") && s.endsWith(")") && matchingClose(s, 0) == s.length() - 1) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private static int matchingClose(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = endOfString(s, i);
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of the closing quote of the string starting at {@code start}, or -1. */
    private static int endOfString(String s, int start) {
        char quote = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> splitTopLevel(String s, String separator) throws Unsupported {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                int end = endOfString(s, i);
                if (end < 0) {
                    throw new Unsupported("unterminated string");
                }
                i = end;
            } else if (c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (depth == 0 && s.startsWith(separator, i)) {
                parts.add(s.substring(from, i));
                from = i + separator.length();
                i = from - 1;
            }
        }
        parts.add(s.substring(from));
        return parts;
    }

    private static List<Object> chain(String clause, ParsedFeed feed) throws Unsupported {
        List<String> operands = splitTopLevel(clause, "==");
        if (operands.size() < 2) {
            throw new Unsupported("not a comparison: " + clause);
        }
        List<Object> values = new ArrayList<>();
        for (String operand : operands) {
            values.add(operand(operand.strip(), feed));
        }
        return values;
    }

    // ---------------------------------------------------------------- operands

    private static Object operand(String s, ParsedFeed feed) throws Unsupported {
        if (s.startsWith("feed[") || s.startsWith("entries[")) {
            return path(s, feed);
        }
        if (s.startsWith("(")) {
            return tuple(s);
        }
        if (s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        return stringConcatenation(s);
    }

    private static List<Long> tuple(String s) throws Unsupported {
        if (!s.endsWith(")")) {
            throw new Unsupported("not a tuple: " + s);
        }
        List<Long> values = new ArrayList<>();
        for (String part : s.substring(1, s.length() - 1).split(",")) {
            String p = part.strip();
            if (!p.matches("-?\\d+")) {
                throw new Unsupported("tuple of non-integers: " + s);
            }
            values.add(Long.parseLong(p));
        }
        return values;
    }

    private static String stringConcatenation(String s) throws Unsupported {
        StringBuilder out = new StringBuilder();
        for (String piece : splitTopLevel(s, "+")) {
            out.append(stringLiteral(piece.strip()));
        }
        return out.toString();
    }

    static String stringLiteral(String s) throws Unsupported {
        String v = s;
        if (v.startsWith("u") || v.startsWith("U")) {
            v = v.substring(1);
        }
        if (v.length() < 2 || (v.charAt(0) != '\'' && v.charAt(0) != '"') || endOfString(v, 0) != v.length() - 1) {
            throw new Unsupported("not a string literal: " + s);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = v.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '\\', '\'', '"' -> out.append(e);
                case 'x' -> {
                    out.append((char) Integer.parseInt(v.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'u' -> {
                    out.append((char) Integer.parseInt(v.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                case 'U' -> {
                    out.appendCodePoint(Integer.parseInt(v.substring(i + 1, i + 9), 16));
                    i += 8;
                }
                default -> throw new Unsupported("escape \\" + e);
            }
        }
        return out.toString();
    }

    /** A path into our model, or Unsupported for fields it does not have. Missing values are null. */
    private static Object path(String s, ParsedFeed feed) throws Unsupported {
        List<String> keys = new ArrayList<>();
        int i = s.indexOf('[');
        String root = s.substring(0, i);
        while (i < s.length()) {
            if (s.charAt(i) != '[') {
                throw new Unsupported("not a plain subscript path: " + s);
            }
            int close = matchingClose(s, i);
            if (close < 0) {
                throw new Unsupported("unbalanced path: " + s);
            }
            String key = s.substring(i + 1, close).strip();
            keys.add(key.startsWith("'") || key.startsWith("\"") ? stringLiteral(key) : "#" + key);
            i = close + 1;
        }
        String joined = String.join("/", keys);
        if (root.equals("feed")) {
            return switch (joined) {
                case "title", "title_detail/value" -> new Title(feed.title());
                case "link" -> feed.siteUrl();
                default -> throw new Unsupported("feed field " + joined);
            };
        }
        if (!root.equals("entries") || keys.isEmpty() || !keys.get(0).startsWith("#")) {
            throw new Unsupported("path " + s);
        }
        int index = Integer.parseInt(keys.get(0).substring(1));
        String field = String.join("/", keys.subList(1, keys.size()));
        ParsedItem item = index < feed.items().size() ? feed.items().get(index) : null;
        switch (field) {
            case "title", "title_detail/value", "link", "id", "author", "author_detail/name",
                 "published_parsed", "updated_parsed", "created_parsed", "issued_parsed", "modified_parsed",
                 "date_parsed", "authors/#0/name", "authors/#1/name", "authors/#2/name" -> {
                // supported below
            }
            default -> throw new Unsupported("entry field " + field);
        }
        if (item == null) {
            return null;
        }
        return switch (field) {
            case "title", "title_detail/value" -> new Title(item.title());
            case "link" -> item.url();
            case "id" -> item.guid();
            case "author", "author_detail/name" -> item.authors().isEmpty() ? null : item.authors().get(0);
            case "authors/#0/name", "authors/#1/name", "authors/#2/name" -> {
                int k = field.charAt("authors/#".length()) - '0';
                yield k < item.authors().size() ? item.authors().get(k) : null;
            }
            default -> timeTuple(item.published());
        };
    }

    private static String asText(Object o) {
        // an empty title and no title are the same thing in our model
        if (o instanceof Title t) {
            return t.text() == null ? "" : t.text().replaceAll("\\s+", " ").strip();
        }
        return o == null ? "" : Html.toText(o.toString());
    }

    /** Python's time.struct_time of an instant in UTC, the first six fields (year..second). */
    private static List<Long> timeTuple(Instant instant) {
        if (instant == null) {
            return null;
        }
        ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
        return List.of((long) t.getYear(), (long) t.getMonthValue(), (long) t.getDayOfMonth(), (long) t.getHour(),
                (long) t.getMinute(), (long) t.getSecond());
    }

    /**
     * A title in our model: plain text. feedparser gives titles as (sanitized) HTML, so the other side of
     * the comparison is compared by its text ({@code '&amp;'} and {@code '<b>&#38;</b>'} are the title "&").
     */
    record Title(String text) {
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof Title || b instanceof Title) {
            return Objects.equals(asText(a), asText(b));
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            // a time tuple: compare year..second (weekday, yearday and DST flag follow from them)
            int n = Math.min(6, Math.min(x.size(), y.size()));
            return x.size() >= 6 && y.size() >= 6 && x.subList(0, n).equals(y.subList(0, n));
        }
        return Objects.equals(a, b);
    }
}
