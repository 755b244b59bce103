package org.cryptosec.reader.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Word boundaries for snippets, cheaply: the start and end of every run of non-white-space
 * characters (and the ends of the text). The JDK word instance, which also splits at punctuation by
 * Unicode rules, was a seventh of a query's time; a snippet only needs to start and stop between words.
 */
final class SpaceBreakIterator extends BreakIterator {

    private String text = "";
    private int current;

    @Override
    public int first() {
        current = 0;
        return current;
    }

    @Override
    public int last() {
        current = text.length();
        return current;
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n; i++) {
            result = next();
            if (result == DONE) {
                return DONE;
            }
        }
        for (int i = 0; i > n; i--) {
            result = previous();
            if (result == DONE) {
                return DONE;
            }
        }
        return result;
    }

    @Override
    public int next() {
        if (current >= text.length()) {
            return DONE;
        }
        return following(current);
    }

    @Override
    public int previous() {
        if (current <= 0) {
            return DONE;
        }
        return preceding(current);
    }

    private boolean boundaryAt(int i) {
        if (i <= 0 || i >= text.length()) {
            return true;
        }
        return Character.isWhitespace(text.charAt(i - 1)) != Character.isWhitespace(text.charAt(i));
    }

    @Override
    public int following(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
        int i = offset + 1;
        while (i < text.length() && !boundaryAt(i)) {
            i++;
        }
        current = Math.min(i, text.length());
        return offset >= text.length() ? DONE : current;
    }

    @Override
    public int preceding(int offset) {
        if (offset < 0 || offset > text.length()) {
            throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        }
        if (offset == 0) {
            current = 0;
            return DONE;
        }
        int i = offset - 1;
        while (i > 0 && !boundaryAt(i)) {
            i--;
        }
        current = i;
        return current;
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public void setText(String newText) {
        text = newText == null ? "" : newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator newText) {
        StringBuilder sb = new StringBuilder();
        for (char c = newText.first(); c != CharacterIterator.DONE; c = newText.next()) {
            sb.append(c);
        }
        setText(sb.toString());
    }
}
