package org.cryptosec.reader.ui.prefs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Slider;
import javafx.scene.web.WebEngine;
import javafx.stage.Stage;
import org.cryptosec.reader.ui.Theme;
import org.cryptosec.reader.ui.WindowTestBase;
import org.cryptosec.reader.ui.main.MainWindow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The preferences dialog restyles the reader at once and saves the choice. */
class PreferencesWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    private static String readerCss(WebEngine engine) {
        String uri = engine.getUserStyleSheetLocation();
        return new String(Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1)), StandardCharsets.UTF_8);
    }

    @Test
    void fontSizeImagesAndThemeApplyToTheReaderAtOnceAndAreSaved(FxRobot robot) throws Exception {
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        WebEngine engine = fx(() -> window.readerView().webView().getEngine());
        assertTrue(fx(() -> readerCss(engine)).contains("font-size: 18px"));

        robot.interact(window::openPreferences);
        Slider size = robot.lookup("#fontSizeSlider").queryAs(Slider.class);
        robot.interact(() -> size.setValue(24));
        robot.clickOn(robot.lookup("#imagesCheck").queryAs(CheckBox.class));
        robot.clickOn("#themeDark");

        waitUntil(() -> readerCss(engine).contains("font-size: 24px") && readerCss(engine).contains("display: none"));
        assertTrue(fx(() -> readerCss(engine)).contains("#0d1117"), "the page turned dark too");
        assertTrue(fx(Theme::isDark));
        Settings saved = Settings.load(dataDir.resolve(Settings.FILE_NAME));
        assertEquals(24, saved.readerStyle().fontSize());
        assertEquals(false, saved.readerStyle().images());
        assertTrue(saved.dark());
        robot.clickOn("#themeLight");
        waitUntil(() -> !Theme.isDark());
    }
}
