package org.cryptosec.reader.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** English and Dutch texts: the same keys, every key the code asks for exists, and the switch works. */
public class MessagesTest {

    private static final Pattern GET = Pattern.compile("Messages\\.get\\(\"([a-zA-Z0-9.]+)\"");
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:shortcut|menu|feeds|prefs|reader)\\.[a-zA-Z0-9.]+)\"");

    @AfterEach
    void back() {
        Messages.setLocale(Locale.ENGLISH);
    }

    /** One message bundle of resources/ui ("messages", "messages_nl") as it is on the classpath. */
    public static Properties bundle(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/ui/" + name + ".properties")) {
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
        return p;
    }

    @Test
    void dutchHasExactlyTheEnglishKeys() throws Exception {
        Set<String> english = new TreeSet<>(bundle("messages").stringPropertyNames());
        Set<String> dutch = new TreeSet<>(bundle("messages_nl").stringPropertyNames());
        Set<String> missing = new TreeSet<>(english);
        missing.removeAll(dutch);
        Set<String> extra = new TreeSet<>(dutch);
        extra.removeAll(english);
        assertTrue(missing.isEmpty(), "not translated: " + missing);
        assertTrue(extra.isEmpty(), "not in English: " + extra);
    }

    @Test
    void everyKeyTheWindowAsksForExists() throws Exception {
        Set<String> english = bundle("messages").stringPropertyNames();
        List<String> unknown = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/cryptosec/reader/ui"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.getFileName().toString().equals("Settings.java")) // property names, not texts
                    .toList()) {
                String code = Files.readString(file);
                for (Pattern pattern : List.of(GET, KEY_LITERAL)) {
                    Matcher m = pattern.matcher(code);
                    while (m.find()) {
                        if (!english.contains(m.group(1)) && !m.group(1).endsWith(".")) {
                            unknown.add(file.getFileName() + ": " + m.group(1));
                        }
                    }
                }
            }
        }
        assertTrue(unknown.isEmpty(), "keys without a text: " + unknown);
    }

    @Test
    void switchingToDutchTranslatesWithPluralsAndBackToEnglish() {
        Messages.setLocale(Locale.forLanguageTag("nl"));
        assertEquals("Alle artikelen", Messages.get("feeds.all"));
        assertEquals("3 artikelen", Messages.get("articles.count", 3));
        assertEquals("1 artikel", Messages.get("articles.count", 1));
        Messages.setLocale(Locale.ENGLISH);
        assertEquals("All articles", Messages.get("feeds.all"));
        Messages.setLocale(Locale.GERMAN);
        assertEquals("All articles", Messages.get("feeds.all"), "an untranslated language falls back to English");
    }

    @Test
    void dutchDatesInTheReader() {
        Formats nl = new Formats(java.time.Clock.fixed(java.time.Instant.parse("2025-03-14T12:00:00Z"),
                java.time.ZoneOffset.UTC), Locale.forLanguageTag("nl"));
        assertEquals("woensdag 12 maart 2025, 09:15", nl.longDate(java.time.Instant.parse("2025-03-12T09:15:00Z")));
    }
}
