package org.cryptosec.reader.model;

import java.util.List;
import java.util.Objects;

/**
 * One problem in a user's synonym file: the file, the line (0 when it is about the whole file), what is
 * wrong, and the values its message names (see each {@link Kind}). The window words it in the user's
 * language from {@link Kind} and {@link #values()}; {@link #message()} is the English line for the log and
 * the command line.
 */
public record SynonymProblem(String file, int line, Kind kind, List<String> values) {

    /** What is wrong; the values each kind carries are listed with it, in order. */
    public enum Kind {
        /** A line with two or more "=>". No values. */
        MORE_THAN_ONE_ARROW(true),
        /** A side of "=>" without entries. Values: the line. */
        EMPTY_SIDE(true),
        /** A group of one entry. Values: the line. */
        ONE_ENTRY(true),
        /** A group over the entry limit. Values: entries, limit. */
        TOO_MANY_ENTRIES(true),
        /** An entry without letters or digits. Values: the entry. */
        NO_LETTERS(true),
        /** An entry of too many words. Values: the entry, limit. */
        TOO_MANY_WORDS(true),
        /** The file's pairs go over the limit at this line; it and the lines after are not read. Values: limit. */
        TOO_MANY_PAIRS(true),
        /** More bad lines than are listed. Values: how many more. */
        MORE_BAD_LINES(false),
        /** The file is over the size limit and is ignored. Values: the limit in bytes. */
        FILE_TOO_LARGE(false),
        /** The file is not a regular file and is ignored. No values. */
        NOT_A_FILE(false),
        /** The file is not UTF-8 text and is ignored. No values. */
        NOT_UTF8(false),
        /** The file cannot be read and is ignored. Values: the reason. */
        UNREADABLE(false);

        private final boolean aboutALine;

        Kind(boolean aboutALine) {
            this.aboutALine = aboutALine;
        }

        /** True when the problem is one line's (the line is skipped, or reading stops there). */
        public boolean aboutALine() {
            return aboutALine;
        }
    }

    public SynonymProblem {
        Objects.requireNonNull(kind, "kind");
        file = file == null ? "" : file;
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** The i-th value, or "" when there is none. */
    public String value(int i) {
        return i < values.size() ? values.get(i) : "";
    }

    /** What is wrong, in English, without the file and the consequence: "line 4 has more than one '=>'". */
    public String detail() {
        String at = "line " + line;
        return switch (kind) {
            case MORE_THAN_ONE_ARROW -> at + " has more than one '=>'";
            case EMPTY_SIDE -> at + " has an empty side: " + value(0);
            case ONE_ENTRY -> at + " needs at least two entries: " + value(0);
            case TOO_MANY_ENTRIES -> at + " has " + value(0) + " entries, more than " + value(1) + " (split it into smaller groups)";
            case NO_LETTERS -> at + ": '" + value(0) + "' has no letters or digits";
            case TOO_MANY_WORDS -> at + ": '" + value(0) + "' has more than " + value(1) + " words";
            case TOO_MANY_PAIRS -> at + " goes over the limit of " + value(0) + " word-synonym pairs";
            case MORE_BAD_LINES -> value(0) + " more bad lines skipped";
            case FILE_TOO_LARGE -> "the file has more than the limit of " + value(0) + " bytes";
            case NOT_A_FILE -> "not a regular file";
            case NOT_UTF8 -> "not UTF-8 text (save it as UTF-8)";
            case UNREADABLE -> "cannot be read (" + value(0) + ")";
        };
    }

    /** The English line for the log and the command line: the file, {@link #detail()} and what became of it. */
    public String message() {
        String consequence = switch (kind) {
            case MORE_BAD_LINES -> "";
            case TOO_MANY_PAIRS -> "; the lines from there on are ignored";
            default -> kind.aboutALine() ? "; line skipped" : "; the file is ignored";
        };
        return file + ": " + detail() + consequence;
    }
}
