package org.cryptosec.reader.ui.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import org.cryptosec.reader.ui.WindowTestBase;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.main.MainWindow;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** Renaming, moving and removing a feed in the real window, headless, through its dialogs. */
class FeedEditingWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    private static FeedEntry feedRow(ListView<FeedEntry> feeds) {
        return feeds.getItems().stream().filter(e -> e.kind() == FeedEntry.Kind.FEED).findFirst().orElse(null);
    }

    @Test
    void renameWithF2ThenMoveToANewFolderFromTheContextMenu(FxRobot robot) throws Exception {
        ListView<FeedEntry> feeds = robot.lookup("#feedList").queryListView();
        waitUntil(() -> feedRow(feeds) != null);
        robot.clickOn(robot.lookup(".feed-list .list-cell").match(n -> n instanceof ListCell<?> c
                && c.getItem() instanceof FeedEntry e && e.kind() == FeedEntry.Kind.FEED).<Node>query());
        waitUntil(() -> feedRow(feeds) == feeds.getSelectionModel().getSelectedItem());

        robot.type(KeyCode.F2);
        TextField name = robot.lookup("#feedNameField").queryAs(TextField.class);
        waitUntil(() -> "Chain Watch".equals(name.getText()));
        robot.interact(name::clear);
        robot.clickOn(name).write("Watchers");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> feedRow(feeds) != null && "Watchers".equals(feedRow(feeds).feed().displayTitle()));
        assertEquals("Watchers", library.feeds().get(0).title());

        Node cell = robot.lookup(".feed-list .list-cell").match(n -> n instanceof ListCell<?> c
                && c.getItem() instanceof FeedEntry e && e.kind() == FeedEntry.Kind.FEED).query();
        robot.interact(() -> Event.fireEvent(cell, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                5, 5, cell.localToScreen(5, 5).getX(), cell.localToScreen(5, 5).getY(), false, null)));
        robot.clickOn("Move to folder");
        robot.clickOn("Move to new folder\u2026");
        TextField folder = robot.lookup("#feedNameField").queryAs(TextField.class);
        robot.clickOn(folder).write("Hacks");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> feeds.getItems().stream().anyMatch(e -> e.kind() == FeedEntry.Kind.FOLDER
                && e.folderName().equals("Hacks") && e.unread() == 3));
        assertEquals("Hacks", library.feeds().get(0).category());
        assertTrue(feedRow(feeds).inFolder());
    }

    @Test
    void removeAsksFirstAndThenEmptiesTheList(FxRobot robot) throws Exception {
        ListView<FeedEntry> feeds = robot.lookup("#feedList").queryListView();
        ListView<ArticleRow> articles = robot.lookup("#articleList").queryListView();
        waitUntil(() -> feedRow(feeds) != null && articles.getItems().size() == 3);
        long id = feedRow(feeds).feed().id();
        robot.interact(() -> robot.lookup("#feedList").queryListView().getSelectionModel().select(feedRow(feeds)));

        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        Platform.runLater(() -> window.feedActions().remove(feedRow(feeds)));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> feedRow(feeds) == null && articles.getItems().isEmpty());
        assertTrue(library.feed(id).isEmpty());
    }
}
