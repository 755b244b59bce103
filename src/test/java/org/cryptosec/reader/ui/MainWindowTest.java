package org.cryptosec.reader.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import javafx.concurrent.Worker;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.web.WebView;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.feeds.FeedEntry;
import org.junit.jupiter.api.Test;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The real window, headless, on a real library filled from a fixture site on 127.0.0.1: pick an
 * article in the list and read it.
 */
class MainWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    @Test
    void readsAnArticleSelectedInTheList(FxRobot robot) throws Exception {
        assertEquals("Cryptosec Reader", fx(stage::getTitle));
        ListView<ArticleRow> list = robot.lookup("#articleList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);

        robot.clickOn(robot.lookup(".article-title").match(LabeledMatchers.hasText(UiFixture.LAZARUS_TITLE))
                .<Node>query());

        Label title = robot.lookup("#readerTitle").queryAs(Label.class);
        waitUntil(() -> UiFixture.LAZARUS_TITLE.equals(title.getText()));
        FlowPane authors = robot.lookup("#readerAuthors").queryAs(FlowPane.class);
        waitUntil(() -> !robot.from(authors).lookup(".reader-author-name").queryAll().isEmpty());
        assertEquals(List.of("Ann Lee"), fx(() -> robot.from(authors).lookup(".reader-author-name").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList()));
        Label meta = robot.lookup("#readerMeta").queryAs(Label.class);
        assertTrue(fx(meta::getText).contains("Chain Watch"), fx(meta::getText));
        assertTrue(fx(meta::getText).contains("min read"), fx(meta::getText));

        WebView web = robot.lookup("#readerWebView").queryAs(WebView.class);
        waitUntil(() -> web.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                && web.getEngine().getDocument() != null
                && web.getEngine().getDocument().getElementsByTagName("body").item(0).getTextContent()
                        .contains(UiFixture.LAZARUS_SENTENCE));
        assertFalse(fx(() -> web.getEngine().isJavaScriptEnabled()));

        ListView<FeedEntry> feeds = robot.lookup("#feedList").queryListView();
        waitUntil(() -> feeds.getItems().stream().anyMatch(e -> e.kind() == FeedEntry.Kind.FEED && e.unread() == 2));
        assertTrue(fx(() -> list.getItems().get(0).isRead()), "selecting marks read");
    }

    @Test
    void keyboardMovesThroughTheListAndSearches(FxRobot robot) throws Exception {
        ListView<ArticleRow> list = robot.lookup("#articleList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        robot.clickOn(list);
        robot.type(KeyCode.J);
        Label title = robot.lookup("#readerTitle").queryAs(Label.class);
        waitUntil(() -> UiFixture.LAZARUS_TITLE.equals(title.getText()));
        robot.type(KeyCode.J);
        waitUntil(() -> UiFixture.BRIDGE_TITLE.equals(title.getText()));
        robot.type(KeyCode.S);
        waitUntil(() -> list.getItems().get(1).isStarred());
        waitUntil(() -> library.state(list.getItems().get(1).id()).orElseThrow().starred());

        robot.type(KeyCode.SLASH);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        waitUntil(search::isFocused);
        robot.write("dust");
        waitUntil(() -> list.getItems().size() == 1 && UiFixture.PHISHING_TITLE.equals(list.getItems().get(0).title()));
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> list.getItems().size() == 3 && search.getText().isEmpty());
    }
}
