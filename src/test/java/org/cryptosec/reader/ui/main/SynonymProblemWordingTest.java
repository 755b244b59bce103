package org.cryptosec.reader.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import org.cryptosec.reader.model.SynonymProblem;
import org.cryptosec.reader.model.SynonymProblem.Kind;
import org.cryptosec.reader.ui.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A problem in the user's synonym file is worded in the window's language, as the log words it in English. */
class SynonymProblemWordingTest {

    @AfterEach
    void back() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static SynonymProblem problem(Kind kind) {
        return new SynonymProblem("/data/synonyms.txt", 7, kind, List.of("a{0}b", "64"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void theEnglishWindowSaysWhatTheLogSays(Kind kind) {
        Messages.setLocale(Locale.ENGLISH);
        assertEquals(problem(kind).message(), MainViewModel.synonymProblem(problem(kind)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void theDutchWindowSaysItInDutchWithTheSameFileLineAndValues(Kind kind) {
        Messages.setLocale(Locale.forLanguageTag("nl"));
        String dutch = MainViewModel.synonymProblem(problem(kind));
        assertTrue(dutch.startsWith("/data/synonyms.txt: "), dutch);
        assertFalse(dutch.contains("synonyms.problem."), "a text for every kind: " + dutch);
        assertFalse(dutch.contains("skipped") || dutch.contains("ignored"), dutch);
        if (kind.aboutALine()) {
            assertTrue(dutch.contains("regel 7"), dutch);
        }
        String english = problem(kind).message();
        for (String value : List.of("a{0}b", "64")) {
            assertEquals(english.contains(value), dutch.contains(value), "the same values: " + dutch);
        }
    }
}
