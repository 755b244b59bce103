package org.cryptosec.reader.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.cryptosec.reader.ui.reader.ReaderPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The settings file: round trip, and every kind of hostile content falling back to defaults. */
class SettingsTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Settings.FILE_NAME);
    }

    @Test
    void aMissingFileGivesTheDefaults() {
        Settings s = Settings.load(file());
        assertFalse(s.dark());
        assertEquals(Settings.ReaderStyle.DEFAULT, s.readerStyle());
        assertEquals(60, s.refreshMinutes());
        assertNull(s.bounds());
        assertNull(s.selectedFeed());
        assertEquals("", s.language());
    }

    @Test
    void everyValueSurvivesARoundTrip() throws Exception {
        Settings s = new Settings();
        s.setDark(true);
        s.setReaderStyle(new Settings.ReaderStyle("sans", 21, 62, false));
        s.setRefreshMinutes(15);
        s.setLanguage("nl");
        s.setBounds(new Settings.Bounds(10, 20, 1100, 700));
        s.setMaximized(true);
        s.setDividers(0.2, 0.5);
        s.setSelectedFeed("feed:42");
        s.save(file());

        Settings back = Settings.load(file());
        assertTrue(back.dark());
        assertEquals(new Settings.ReaderStyle("sans", 21, 62, false), back.readerStyle());
        assertEquals(15, back.refreshMinutes());
        assertEquals("nl", back.language());
        assertEquals(Locale.forLanguageTag("nl"), back.locale());
        assertEquals(new Settings.Bounds(10, 20, 1100, 700), back.bounds());
        assertTrue(back.maximized());
        assertArrayEquals(new double[] {0.2, 0.5}, back.dividers());
        assertEquals("feed:42", back.selectedFeed());
        assertFalse(Files.exists(dir.resolve(Settings.FILE_NAME + ".tmp")), "no temporary file left");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "reader.fontSize=999",
            "reader.fontSize=eighteen",
            "reader.lineWidth=-5",
            "reader.font=Evil\"; } body { background: url(http://x)",
            "reader.images=maybe",
            "theme=purple",
            "refresh.minutes=99999999999",
            "language=xx",
            "divider.feeds=NaN",
            "window.width=1e308",
            "feeds.selected=feed:1 OR 1=1",
    })
    void aBadValueFallsBackToItsDefault(String line) throws Exception {
        Files.writeString(file(), line + "\n", StandardCharsets.UTF_8);
        Settings s = Settings.load(file());
        assertEquals(Settings.ReaderStyle.DEFAULT, s.readerStyle());
        assertFalse(s.dark());
        assertEquals(60, s.refreshMinutes());
        assertEquals("", s.language());
        assertArrayEquals(new double[] {0.19, 0.48}, s.dividers());
        assertNull(s.bounds());
        assertNull(s.selectedFeed());
    }

    @Test
    void oneBadValueDoesNotSpoilTheGoodOnes() throws Exception {
        Files.writeString(file(), "theme=dark\nreader.fontSize=1000\nreader.lineWidth=80\n");
        Settings s = Settings.load(file());
        assertTrue(s.dark());
        assertEquals(Settings.ReaderStyle.DEFAULT.fontSize(), s.readerStyle().fontSize());
        assertEquals(80, s.readerStyle().lineWidth());
    }

    @ParameterizedTest
    @ValueSource(strings = {"binary", "huge", "malformedEscape", "directory"})
    void aHostileFileGivesTheDefaultsWithoutThrowing(String kind) throws Exception {
        switch (kind) {
            case "binary" -> Files.write(file(), new byte[] {0, (byte) 0xff, (byte) 0xfe, 1, 2, '=', 3});
            case "huge" -> Files.writeString(file(), "theme=dark\n" + "x".repeat((int) Settings.MAX_BYTES + 10));
            case "malformedEscape" -> Files.writeString(file(), "theme=dark\nreader.font=\\uZZZZ\n");
            case "directory" -> Files.createDirectory(file());
            default -> throw new IllegalArgumentException(kind);
        }
        Settings s = Settings.load(file());
        assertFalse(s.dark());
        assertEquals(Settings.ReaderStyle.DEFAULT, s.readerStyle());
    }

    @Test
    void settersClampOutOfRangeValues() {
        Settings s = new Settings();
        s.setReaderStyle(new Settings.ReaderStyle("</style>", 2, 500, true));
        assertEquals(new Settings.ReaderStyle("serif", Settings.MIN_FONT_SIZE, Settings.MAX_LINE_WIDTH, true),
                s.readerStyle());
        s.setRefreshMinutes(-3);
        assertEquals(0, s.refreshMinutes());
        s.setDividers(0.7, 0.3);
        assertArrayEquals(new double[] {0.19, 0.48}, s.dividers());
    }

    @Test
    void theReaderCssFollowsThePreferences() {
        String css = ReaderPage.styleCss(new Settings.ReaderStyle("sans", 22, 58, false));
        assertTrue(css.contains("font-size: 22px"), css);
        assertTrue(css.contains("max-width: 58ch"), css);
        assertTrue(css.contains("sans-serif"), css);
        assertTrue(css.contains("img") && css.contains("display: none"), css);
        assertFalse(ReaderPage.styleCss(Settings.ReaderStyle.DEFAULT).contains("display: none"));
    }
}
