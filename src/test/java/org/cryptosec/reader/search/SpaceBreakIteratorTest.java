package org.cryptosec.reader.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpaceBreakIteratorTest {

    private static List<Integer> forward(String text) {
        SpaceBreakIterator it = new SpaceBreakIterator();
        it.setText(text);
        List<Integer> out = new ArrayList<>();
        out.add(it.first());
        for (int b = it.next(); b != BreakIterator.DONE; b = it.next()) {
            out.add(b);
        }
        return out;
    }

    private static List<Integer> backward(String text) {
        SpaceBreakIterator it = new SpaceBreakIterator();
        it.setText(text);
        List<Integer> out = new ArrayList<>();
        out.add(0, it.last());
        for (int b = it.previous(); b != BreakIterator.DONE; b = it.previous()) {
            out.add(0, b);
        }
        return out;
    }

    @ParameterizedTest(name = "boundaries of \"{0}\" are {1}")
    @CsvSource(delimiter = '|', value = {
        "'ab cd'          | 0 2 3 5",
        "'  ab'           | 0 2 4",
        "'ab  '           | 0 2 4",
        "'Noord-Korea, hackt' | 0 12 13 18",
        "'x'              | 0 1",
    })
    void boundariesAreTheEdgesOfEveryRunOfNonSpace(String text, String expected) {
        List<Integer> want = new ArrayList<>();
        for (String s : expected.trim().split(" ")) {
            want.add(Integer.parseInt(s));
        }
        assertEquals(want, forward(text));
        assertEquals(want, backward(text));
    }

    @ParameterizedTest(name = "in \"{0}\" around {1}: preceding {2}, following {3}")
    @CsvSource(delimiter = '|', value = {
        "'ab cd ef' | 4 | 3 | 5",
        "'ab cd ef' | 3 | 2 | 5",
        "'ab cd ef' | 0 | -1 | 2",
        "'ab cd ef' | 8 | 6 | -1",
    })
    void precedingAndFollowingSkipToTheNearestBoundary(String text, int offset, int preceding, int following) {
        SpaceBreakIterator it = new SpaceBreakIterator();
        it.setText(text);
        assertEquals(preceding, it.preceding(offset));
        assertEquals(following, it.following(offset));
    }
}
