package org.cryptosec.reader.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.concurrent.Worker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.cryptosec.reader.ui.UiFixture;
import org.cryptosec.reader.ui.WindowTestBase;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Space pages through an article and then on to the next unread one; ? lists the shortcuts. */
class KeyboardWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
        stage.setHeight(520);
    }

    @Test
    void spacePagesDownThenSkipsReadArticlesToTheNextUnread(FxRobot robot) throws Exception {
        ListView<ArticleRow> list = robot.lookup("#articleList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        Label title = robot.lookup("#readerTitle").queryAs(Label.class);
        robot.interact(list::requestFocus);
        robot.type(KeyCode.J);
        waitUntil(() -> UiFixture.LAZARUS_TITLE.equals(title.getText()));
        robot.type(KeyCode.J);
        waitUntil(() -> UiFixture.BRIDGE_TITLE.equals(title.getText()));
        robot.type(KeyCode.K);
        waitUntil(() -> UiFixture.LAZARUS_TITLE.equals(title.getText()));
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        var page = window.readerView().articleView();
        waitUntil(() -> page.view().getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                && page.shownDocument().contains(UiFixture.LAZARUS_SENTENCE));

        robot.type(KeyCode.SPACE);
        waitUntil(() -> page.scrollY() > 0);
        assertEquals(UiFixture.LAZARUS_TITLE, fx(title::getText), "the first space scrolls, it does not leave");

        for (int i = 0; i < 20 && !UiFixture.PHISHING_TITLE.equals(fx(title::getText)); i++) {
            robot.type(KeyCode.SPACE);
            Thread.sleep(100);
        }
        waitUntil(() -> UiFixture.PHISHING_TITLE.equals(title.getText()));
        assertTrue(list.getItems().stream().allMatch(ArticleRow::isRead), "the read bridge article was skipped");
    }

    @Test
    void questionMarkListsTheShortcuts(FxRobot robot) throws Exception {
        ListView<ArticleRow> list = robot.lookup("#articleList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        robot.clickOn(list);
        robot.push(KeyCode.SHIFT, KeyCode.SLASH);
        waitUntil(() -> robot.lookup("#shortcutsGrid").tryQuery().isPresent());
        GridPane grid = robot.lookup("#shortcutsGrid").queryAs(GridPane.class);
        assertEquals(Shortcuts.ALL.size() * 2, fx(() -> grid.getChildren().size()));
        assertTrue(robot.lookup("#shortcutsGrid .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Space")));
    }

    @Test
    void inDutchTheShortcutListNamesTheKeysInDutch(FxRobot robot) throws Exception {
        ListView<ArticleRow> list = robot.lookup("#articleList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        org.cryptosec.reader.ui.Messages.setLocale(java.util.Locale.forLanguageTag("nl"));
        try {
            robot.clickOn(list);
            robot.push(KeyCode.SHIFT, KeyCode.SLASH);
            waitUntil(() -> robot.lookup("#shortcutsGrid").tryQuery().isPresent());
            java.util.List<String> texts = robot.lookup("#shortcutsGrid .label").queryAllAs(Label.class).stream()
                    .map(Label::getText).toList();
            assertTrue(texts.contains("Spatiebalk") && texts.contains("Shift+Spatiebalk"), texts.toString());
            assertTrue(texts.contains("Volgend artikel"), "the descriptions are Dutch too: " + texts);
            assertTrue(texts.stream().noneMatch(t -> t.contains("Space")), texts.toString());
        } finally {
            org.cryptosec.reader.ui.Messages.setLocale(java.util.Locale.ENGLISH);
        }
    }
}
