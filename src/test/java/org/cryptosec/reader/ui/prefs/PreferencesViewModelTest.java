package org.cryptosec.reader.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences apply at once and are saved, without a toolkit. */
class PreferencesViewModelTest {

    @TempDir
    Path dir;

    @Test
    void eachChangeIsAppliedAndSaved() {
        Path file = dir.resolve(Settings.FILE_NAME);
        List<Settings.ReaderStyle> applied = new ArrayList<>();
        PreferencesViewModel model = new PreferencesViewModel(new Settings(), file, dir,
                s -> applied.add(s.readerStyle()));

        model.fontSizeProperty().set(24);
        model.imagesProperty().set(false);
        model.darkProperty().set(true);
        model.refreshMinutesProperty().set(30);

        assertEquals(new Settings.ReaderStyle("serif", 24, 70, false), applied.get(applied.size() - 1));
        Settings saved = Settings.load(file);
        assertTrue(saved.dark());
        assertEquals(24, saved.readerStyle().fontSize());
        assertEquals(30, saved.refreshMinutes());
        assertEquals(dir.toAbsolutePath().toString(), model.dataFolder());
        assertNull(model.errorProperty().get());
    }

    @Test
    void aSettingsFileThatCannotBeWrittenIsReportedAndTheChangeStillApplies() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where a folder should be");
        List<Settings> applied = new ArrayList<>();
        PreferencesViewModel model = new PreferencesViewModel(new Settings(), blocked.resolve(Settings.FILE_NAME),
                dir, applied::add);
        model.lineWidthProperty().set(60);
        assertNotNull(model.errorProperty().get());
        assertTrue(model.errorProperty().get().startsWith("Could not save"), model.errorProperty().get());
        assertEquals(60, applied.get(0).readerStyle().lineWidth());
    }
}
