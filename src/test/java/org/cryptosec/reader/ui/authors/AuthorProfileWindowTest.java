package org.cryptosec.reader.ui.authors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.ui.UiFixture;
import org.cryptosec.reader.ui.WindowTestBase;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.main.MainWindow;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.matcher.control.LabeledMatchers;

/** Clicking an author in the reader opens their profile; an article there opens in the reader. */
class AuthorProfileWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    @Test
    void clickingTheAuthorShowsTheProfileAndItsArticlesOpenInTheReader(FxRobot robot) throws Exception {
        ListView<ArticleRow> list = robot.lookup("#articleList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        robot.clickOn(robot.lookup(".article-title").match(LabeledMatchers.hasText(UiFixture.LAZARUS_TITLE))
                .<Node>query());
        waitUntil(() -> robot.lookup(".reader-author").tryQuery().isPresent());

        robot.clickOn(robot.lookup(".reader-author").<Node>query());
        Label name = robot.lookup("#authorName").queryAs(Label.class);
        waitUntil(() -> "Ann Lee".equals(name.getText()));
        ListView<ArticleSummary> articles = robot.lookup("#authorArticles").queryListView();
        waitUntil(() -> articles.getItems().size() == 2);
        assertTrue(fx(() -> robot.lookup("#authorBio").queryAs(Label.class).getText()).contains("security engineer"));
        assertTrue(robot.lookup("#authorProfile .avatar").tryQuery().isPresent(), "the stored avatar is shown");

        robot.doubleClickOn(robot.lookup("#authorArticles .article-title")
                .match(LabeledMatchers.hasText(UiFixture.BRIDGE_TITLE)).<Node>query());
        Label title = robot.lookup("#readerTitle").queryAs(Label.class);
        waitUntil(() -> UiFixture.BRIDGE_TITLE.equals(title.getText()));
        waitUntil(() -> list.getItems().get(1).isRead());
    }

    @Test
    void theAuthorsListCountsArticlesAndLeadsToAProfile(FxRobot robot) throws Exception {
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        robot.interact(window::showAuthors);
        ListView<org.cryptosec.reader.model.AuthorCount> authors = robot.lookup("#authorList").queryListView();
        waitUntil(() -> authors.getItems().size() == 2);
        robot.clickOn("#authorFilter").write("ben");
        waitUntil(() -> authors.getItems().size() == 1);
        robot.clickOn(robot.lookup("#authorList .list-cell").<Node>query());
        Label name = robot.lookup("#authorName").queryAs(Label.class);
        waitUntil(() -> "Ben Okafor".equals(name.getText()));
        assertEquals(1, fx(() -> robot.lookup("#authorArticles").queryListView().getItems().size()));
    }
}
