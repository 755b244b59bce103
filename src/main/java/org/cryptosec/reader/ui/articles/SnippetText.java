package org.cryptosec.reader.ui.articles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns a search snippet ({@code <b>} around matches, everything else HTML-escaped) into runs of
 * plain text, each bold or not. Never interprets any other markup: an unknown tag is kept as text.
 */
public final class SnippetText {

    /** A piece of text, drawn bold when it is a match. */
    public record Run(String text, boolean bold) {
    }

    private SnippetText() {
    }

    public static List<Run> parse(String snippet) {
        List<Run> runs = new ArrayList<>();
        if (snippet == null || snippet.isEmpty()) {
            return runs;
        }
        StringBuilder current = new StringBuilder();
        boolean bold = false;
        int i = 0;
        while (i < snippet.length()) {
            char c = snippet.charAt(i);
            if (c == '<') {
                String rest = snippet.substring(i, Math.min(snippet.length(), i + 4)).toLowerCase(Locale.ROOT);
                if (rest.startsWith("<b>")) {
                    flush(runs, current, bold);
                    bold = true;
                    i += 3;
                    continue;
                }
                if (rest.startsWith("</b>")) {
                    flush(runs, current, bold);
                    bold = false;
                    i += 4;
                    continue;
                }
                current.append(c);
                i++;
            } else if (c == '&') {
                int end = snippet.indexOf(';', i);
                String decoded = end > i && end - i <= 10 ? entity(snippet.substring(i + 1, end)) : null;
                if (decoded == null) {
                    current.append(c);
                    i++;
                } else {
                    current.append(decoded);
                    i = end + 1;
                }
            } else {
                current.append(c);
                i++;
            }
        }
        flush(runs, current, bold);
        return merge(runs);
    }

    /** The snippet as one plain string (for accessibility and tests). */
    public static String plain(String snippet) {
        StringBuilder text = new StringBuilder();
        for (Run run : parse(snippet)) {
            text.append(run.text());
        }
        return text.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            case "nbsp": return "\u00a0";
            default: break;
        }
        try {
            int codePoint;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                codePoint = Integer.parseInt(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                codePoint = Integer.parseInt(name.substring(1));
            } else {
                return null;
            }
            if (!Character.isValidCodePoint(codePoint) || codePoint == 0) {
                return null;
            }
            return new String(Character.toChars(codePoint));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static void flush(List<Run> runs, StringBuilder current, boolean bold) {
        if (current.length() > 0) {
            runs.add(new Run(current.toString(), bold));
            current.setLength(0);
        }
    }

    private static List<Run> merge(List<Run> runs) {
        List<Run> merged = new ArrayList<>(runs.size());
        for (Run run : runs) {
            int last = merged.size() - 1;
            if (last >= 0 && merged.get(last).bold() == run.bold()) {
                merged.set(last, new Run(merged.get(last).text() + run.text(), run.bold()));
            } else {
                merged.add(run);
            }
        }
        return merged;
    }
}
