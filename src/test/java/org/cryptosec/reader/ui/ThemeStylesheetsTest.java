package org.cryptosec.reader.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.css.Stylesheet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ThemeStylesheetsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theThemeIsCachedAsABinaryStylesheetWithTheSameRulesAndReused(boolean dark) throws Exception {
        Path cache = dir.resolve("cache");
        String first = ThemeStylesheets.userAgentStylesheet(dark, cache);
        assertTrue(first.startsWith("file:") && first.endsWith(".bss"), first);
        Path binary = Path.of(URI.create(first));
        assertTrue(binary.getFileName().toString().startsWith(dark ? "primer-dark-" : "primer-light-"), first);
        long modified = Files.getLastModifiedTime(binary).toMillis();
        String css = dark ? new atlantafx.base.theme.PrimerDark().getUserAgentStylesheet()
                : new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet();
        int cssRules = new javafx.css.CssParser().parse(ThemeStylesheets.class.getResource(css)).getRules().size();
        assertEquals(cssRules, Stylesheet.loadBinary(binary.toUri().toURL()).getRules().size());

        assertEquals(first, ThemeStylesheets.userAgentStylesheet(dark, cache), "the second start reuses the file");
        assertEquals(modified, Files.getLastModifiedTime(binary).toMillis());
        try (var files = Files.list(cache)) {
            assertEquals(1, files.count(), "no temporary files are left behind");
        }
    }

    @org.junit.jupiter.api.Test
    void theChecksumReadFromTheJarDirectoryIsTheChecksumOfTheBytes(@TempDir Path elsewhere) throws Exception {
        java.net.URL inJar = ThemeStylesheets.class.getResource(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        assertEquals("jar", inJar.getProtocol(), "AtlantaFX comes as a jar");
        byte[] bytes;
        try (var in = inJar.openStream()) {
            bytes = in.readAllBytes();
        }
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        assertEquals(crc.getValue(), ThemeStylesheets.checksum(inJar));
        Path loose = Files.write(elsewhere.resolve("theme.css"), bytes);
        assertEquals(crc.getValue(), ThemeStylesheets.checksum(loose.toUri().toURL()), "a loose file is read instead");
        Files.writeString(loose, ".root { -fx-font-size: 13px; }");
        assertTrue(crc.getValue() != ThemeStylesheets.checksum(loose.toUri().toURL()), "another stylesheet, another name");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void withoutAUsableCacheFolderThePlainCssIsUsed(boolean noFolder) throws Exception {
        Path blocked = dir.resolve("cache");
        Files.writeString(blocked, "a file where the folder should be");
        String location = ThemeStylesheets.userAgentStylesheet(false, noFolder ? null : blocked);
        assertEquals(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet(), location);
    }
}
