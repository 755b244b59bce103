package org.cryptosec.reader.ui.reader;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ReaderStylesheetTest {

    private static String decode(String dataUri) {
        return new String(Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }

    @Test
    void theDarkThemeAddsDarkColoursAfterTheLightStylesheet() {
        String light = decode(ReaderPage.stylesheetDataUri(false));
        String dark = decode(ReaderPage.stylesheetDataUri(true));
        assertFalse(light.contains("#0d1117"));
        assertTrue(dark.startsWith(light), "the dark sheet only overrides");
        assertTrue(dark.contains("html { background: #0d1117; }"), dark);
    }
}
