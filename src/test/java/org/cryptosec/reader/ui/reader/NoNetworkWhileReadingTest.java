package org.cryptosec.reader.ui.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javafx.concurrent.Worker;
import javafx.scene.control.ListView;
import javafx.scene.web.WebView;
import javafx.stage.Stage;
import org.cryptosec.reader.ui.WindowTestBase;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.main.MainWindow;
import org.cryptosec.reader.ui.prefs.Settings;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.w3c.dom.NodeList;

/**
 * Reading makes no network request: the site the articles came from keeps serving on 127.0.0.1 and
 * counts every request it gets while the window opens each article (with its figure and the
 * authors' avatars), their author profiles, and re-styles the page.
 */
class NoNetworkWhileReadingTest extends WindowTestBase {

    @Override
    protected boolean keepSiteOpen() {
        return true;
    }

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    @Test
    void openingEveryArticleAndProfileMakesZeroRequests(FxRobot robot) throws Exception {
        int before = site.server().totalHits();
        assertTrue(before > 0, "the fixture was fetched over the counting server");
        ListView<ArticleRow> list = robot.lookup("#articleList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);

        int images = 0;
        for (int i = 0; i < 3; i++) {
            ArticleRow row = list.getItems().get(i);
            robot.interact(() -> list.getSelectionModel().select(row));
            WebView web = window.readerView().webView();
            waitUntil(() -> window.model().reader().articleIdProperty().get() == row.id()
                    && web.getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED
                    && web.getEngine().getDocument() != null
                    && web.getEngine().getDocument().getElementsByTagName("main").getLength() == 1);
            images += fx(() -> {
                NodeList imgs = web.getEngine().getDocument().getElementsByTagName("img");
                for (int k = 0; k < imgs.getLength(); k++) {
                    String src = ((org.w3c.dom.Element) imgs.item(k)).getAttribute("src");
                    assertTrue(src.startsWith("data:image/"), "image from the library: " + src.substring(0, 40));
                }
                return imgs.getLength();
            });
            robot.interact(() -> window.showAuthor(window.model().reader().authors().get(0)));
            String author = fx(() -> window.model().reader().authors().get(0).name());
            waitUntil(() -> author.equals(robot.lookup("#authorName").queryLabeled().getText()));
        }
        assertTrue(images >= 4, "the figure and the avatars were shown: " + images);

        robot.interact(() -> window.readerView().articleView().setStyle(true, new Settings.ReaderStyle("sans", 20, 60, false)));
        robot.interact(() -> window.readerView().articleView().setStyle(false, Settings.ReaderStyle.DEFAULT));
        Thread.sleep(500); // a late image or prefetch would arrive now
        assertEquals(before, site.server().totalHits(), "requests made while reading");
    }
}
