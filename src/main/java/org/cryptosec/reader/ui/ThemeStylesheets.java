package org.cryptosec.reader.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.CRC32;
import javafx.css.Stylesheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The theme's user-agent stylesheet (AtlantaFX Primer, 170 KB of CSS, about 1,000 rules) as JavaFX's
 * binary form, kept in {@code <data dir>/cache/}: parsing the CSS took about 250 ms on the UI thread
 * before the first frame, loading the binary about 20 ms (measured on the 2-core development box).
 * The file is named after a checksum of the CSS, so a new AtlantaFX makes a new one; on any problem the
 * plain CSS is used, as before.
 */
public final class ThemeStylesheets {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeStylesheets.class);

    private ThemeStylesheets() {
    }

    /** The user-agent stylesheet location for this theme: the cached binary when possible, else the CSS. */
    public static String userAgentStylesheet(boolean dark, Path cacheDir) {
        String css = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        if (cacheDir == null) {
            return css;
        }
        try {
            URL source = ThemeStylesheets.class.getResource(css.startsWith("/") ? css : "/" + css);
            if (source == null) {
                return css;
            }
            String name = css.substring(css.lastIndexOf('/') + 1).replace(".css", "") + "-"
                    + Long.toHexString(checksum(source)) + ".bss";
            Path binary = cacheDir.resolve(name);
            if (!Files.isRegularFile(binary)) {
                Files.createDirectories(cacheDir);
                Path text = Files.createTempFile(cacheDir, "theme", ".css");
                Path temporary = Files.createTempFile(cacheDir, "theme", ".bss");
                try (InputStream in = source.openStream()) {
                    Files.write(text, in.readAllBytes());
                    Stylesheet.convertToBinary(text.toFile(), temporary.toFile());
                    Files.move(temporary, binary, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } finally {
                    Files.deleteIfExists(text);
                    Files.deleteIfExists(temporary);
                }
            }
            return binary.toUri().toString();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not use a binary copy of the theme stylesheet in {}; using the CSS", cacheDir, e);
            return css;
        }
    }

    /**
     * The CRC-32 of the stylesheet: inside a jar (always, in the app) the one the jar's directory records, so
     * the CSS is read only when a new binary copy must be made; elsewhere computed from the bytes.
     */
    static long checksum(URL source) throws IOException {
        java.net.URLConnection connection = source.openConnection();
        if (connection instanceof java.net.JarURLConnection jar) {
            java.util.jar.JarEntry entry = jar.getJarEntry();
            if (entry != null && entry.getCrc() != -1) {
                return entry.getCrc();
            }
        }
        CRC32 crc = new CRC32();
        try (InputStream in = source.openStream()) {
            crc.update(in.readAllBytes());
        }
        return crc.getValue();
    }
}
