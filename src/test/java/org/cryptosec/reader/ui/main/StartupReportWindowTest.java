package org.cryptosec.reader.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.stage.Stage;
import org.cryptosec.reader.ui.UiFixture;
import org.cryptosec.reader.ui.WindowTestBase;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** --startup-report measures the painted list and the first article, prints both and closes the window. */
class StartupReportWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    @Test
    void reportsBothTimesThenOpensTheFirstArticleAndCloses(FxRobot robot) throws Exception {
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        List<String> lines = new CopyOnWriteArrayList<>();
        List<StartupReport.Result> results = new CopyOnWriteArrayList<>();
        robot.interact(() -> new StartupReport(window, window.model(), lines::add, results::add)
                .start(window.getScene()));
        waitUntil(() -> !results.isEmpty());

        StartupReport.Result result = results.get(0);
        assertTrue(result.ok(), result.failure());
        assertTrue(result.listMillis() > 0, result.toString());
        assertTrue(result.articleMillis() >= 0, result.toString());
        assertEquals(3, result.rows());
        assertEquals(6, lines.size(), lines.toString());
        assertTrue(lines.get(5).startsWith("startup: phases (ms after JVM start): ")
                && lines.get(5).contains("list-painted "), lines.get(5));
        assertTrue(lines.get(3).startsWith("startup: next article shown "), lines.get(3));
        assertTrue(lines.get(0).startsWith("startup: article list painted with data "), lines.get(0));
        assertTrue(lines.get(2).startsWith("startup: first article shown "), lines.get(2));
        assertEquals(UiFixture.BRIDGE_TITLE, fx(() -> window.model().reader().titleProperty().get()),
                "the first, then the next article was opened");
        waitUntil(() -> !stage.isShowing());
    }
}
