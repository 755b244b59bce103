package org.cryptosec.reader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @ParameterizedTest
    @CsvSource({
        "Linux,      /home/ann/.local/share/cryptosec-reader",
        "Mac OS X,   /home/ann/Library/Application Support/Cryptosec Reader",
    })
    void theDefaultFollowsTheOperatingSystem(String os, String expected) {
        assertEquals(Path.of(expected), DataDirectory.resolve(new String[0], Map.of(), os, "/home/ann"));
    }

    @Test
    void windowsUsesAppData() {
        Path p = DataDirectory.resolve(new String[0], Map.of("APPDATA", "C:\\Users\\ann\\AppData\\Roaming"),
                "Windows 11", "C:\\Users\\ann");
        assertTrue(p.toString().endsWith("Cryptosec Reader"), p.toString());
    }

    @Test
    void xdgDataHomeIsHonoured() {
        assertEquals(Path.of("/data/xdg/cryptosec-reader"),
                DataDirectory.resolve(new String[0], Map.of("XDG_DATA_HOME", "/data/xdg"), "Linux", "/home/ann"));
    }

    @Test
    void theEnvironmentVariableOverridesTheDefaultAndTheOptionOverridesBoth() {
        Map<String, String> env = Map.of("CRYPTOSEC_DATA_DIR", "/tmp/env-lib");
        assertEquals(Path.of("/tmp/env-lib"), DataDirectory.resolve(new String[] {"feeds", "list"}, env, "Linux", "/h"));
        assertEquals(Path.of("/tmp/opt-lib"),
                DataDirectory.resolve(new String[] {"--data-dir", "/tmp/opt-lib", "feeds"}, env, "Linux", "/h"));
        assertEquals(Path.of("/tmp/eq-lib"),
                DataDirectory.resolve(new String[] {"--data-dir=/tmp/eq-lib"}, env, "Linux", "/h"));
    }

    @Test
    void noCommandOpensTheWindowAndAnyCommandRunsTheCli() {
        assertTrue(Launcher.isGui(new String[0]));
        assertTrue(Launcher.isGui(new String[] {"--data-dir", "/x"}));
        assertTrue(Launcher.isGui(new String[] {"gui"}));
        assertTrue(Launcher.isGui(new String[] {"--data-dir", "/x", "--theme=dark"}));
        assertTrue(Launcher.isGui(new String[] {"--lang=nl", "--theme=dark"}));
        assertTrue(Launcher.isGui(new String[] {"--data-dir", "/x", "gui", "--startup-report"}));
        assertFalse(Launcher.isGui(new String[] {"--data-dir", "/x", "feeds", "list"}));
        assertFalse(Launcher.isGui(new String[] {"--json", "search", "x"}));
    }
}
