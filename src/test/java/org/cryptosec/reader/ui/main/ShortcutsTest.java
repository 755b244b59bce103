package org.cryptosec.reader.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.cryptosec.reader.ui.Messages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The "?" list shows named keys (Space, Shift, Ctrl...) in the window's language; both bundles name every one. */
class ShortcutsTest {

    @AfterEach
    void back() {
        Messages.setLocale(Locale.ENGLISH);
    }

    private static Properties bundle(String name) throws Exception {
        return org.cryptosec.reader.ui.MessagesTest.bundle(name);
    }

    @Test
    void everyNamedKeyOfTheListHasATextInEnglishAndDutch() throws Exception {
        Set<String> missing = new TreeSet<>();
        Set<String> named = new TreeSet<>();
        for (String language : new String[] {"messages", "messages_nl"}) {
            Properties texts = bundle(language);
            for (Shortcuts.Shortcut shortcut : Shortcuts.ALL) {
                for (String key : shortcut.keyNames()) {
                    if (Shortcuts.isNamed(key)) {
                        named.add(key);
                        if (texts.getProperty(Shortcuts.messageKey(key), "").isBlank()) {
                            missing.add(language + ": " + Shortcuts.messageKey(key));
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "key names without a text: " + missing);
        assertEquals(Set.of("Ctrl", "Delete", "Esc", "Shift", "Space"), named, "the list's named keys");
    }

    @Test
    void bundlesHaveNoKeyNameTheListDoesNotUse() throws Exception {
        Set<String> used = new TreeSet<>();
        Shortcuts.ALL.forEach(s -> s.keyNames().stream().filter(Shortcuts::isNamed).map(Shortcuts::messageKey)
                .forEach(used::add));
        for (String language : new String[] {"messages", "messages_nl"}) {
            Set<String> defined = new TreeSet<>();
            bundle(language).stringPropertyNames().stream().filter(k -> k.startsWith("key.")).forEach(defined::add);
            assertEquals(used, defined, language);
        }
    }

    @ParameterizedTest(name = "{0} reads \"{1}\" in English and \"{2}\" in Dutch")
    @CsvSource({
        "Space,        Space,        Spatiebalk",
        "Shift+Space,  Shift+Space,  Shift+Spatiebalk",
        "Ctrl+Shift+A, Ctrl+Shift+A, Ctrl+Shift+A",
        "j,            j,            j",
        "F2,           F2,           F2",
        "'Ctrl+,',     'Ctrl+,',     'Ctrl+,'",
        "?,            ?,            ?",
    })
    void namedKeysAreTranslatedAndLettersSignsAndFKeysAreNot(String keys, String english, String dutch) {
        Shortcuts.Shortcut shortcut = new Shortcuts.Shortcut(keys, "shortcut.help");
        assertEquals(english, shortcut.label());
        Messages.setLocale(Locale.forLanguageTag("nl"));
        assertEquals(dutch, shortcut.label());
    }

    @Test
    void theDutchListDiffersWhereAKeyHasADutchName() {
        Messages.setLocale(Locale.forLanguageTag("nl"));
        assertTrue(Shortcuts.ALL.stream().anyMatch(s -> s.label().contains("Spatiebalk")));
        assertFalse(Shortcuts.ALL.stream().anyMatch(s -> s.label().contains("Space")));
    }
}
