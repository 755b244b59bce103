package org.cryptosec.reader.cli;

/** Small helpers for readable terminal output. */
final class Text {

    private Text() {
    }

    /** A highlighted snippet (matches in &lt;b&gt;, the rest escaped) as terminal text, matches in [brackets]. */
    static String snippetToPlain(String snippet) {
        if (snippet == null) {
            return "";
        }
        return snippet.replace("<b>", "[").replace("</b>", "]")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&").replaceAll("\\s+", " ").trim();
    }

    /** Wraps text to a width, keeping paragraphs (blank lines). */
    static String wrap(String text, int width) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\\n\\s*\\n")) {
            int col = 0;
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                if (col > 0 && col + 1 + word.length() > width) {
                    out.append('\n');
                    col = 0;
                } else if (col > 0) {
                    out.append(' ');
                    col++;
                }
                out.append(word);
                col += word.length();
            }
            out.append("\n\n");
        }
        return out.toString().stripTrailing();
    }
}
