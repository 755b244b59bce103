package org.cryptosec.reader.ui.reader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.scene.web.WebEngine;
import javafx.stage.Stage;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The reader's WebView, headless: it renders the article but loads nothing and follows no link. */
@ExtendWith(ApplicationExtension.class)
class ArticleWebViewTest {

    private final List<String> opened = new CopyOnWriteArrayList<>();
    private TestServer server;
    private ArticleWebView view;

    @Start
    void start(Stage stage) throws Exception {
        server = new TestServer();
        server.serve("/tracker.gif", "image/gif", new byte[] {'G', 'I', 'F'});
        server.serve("/style.css", "text/css", "body{color:red}");
        server.serve("/page", "text/html", "<p>remote page</p>");
        view = new ArticleWebView(opened::add);
        stage.setScene(new Scene(view.view(), 800, 600));
        stage.show();
    }

    private static <T> T fx(java.util.concurrent.Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String article() {
        String base = server.url("/");
        String body = """
                <h2 id="h">Noord-Korea hackt opnieuw</h2>
                <p id="p">Lazarus stal <a id="l" href="%1$spage">miljoenen</a>.</p>
                <img src="%1$stracker.gif"><link rel="stylesheet" href="%1$sstyle.css">
                <iframe src="%1$spage"></iframe>
                <script>document.title = 'script ran';</script>
                <a id="js" href="javascript:document.title='js link'">js</a>
                """.formatted(base);
        return ReaderPage.document(body, "nl", List.of());
    }

    private void load(FxRobot robot, String html) throws Exception {
        robot.interact(() -> view.show(html));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> fx(() -> view.view().getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void articleRendersWithoutAnyNetworkRequestOrScript(FxRobot robot) throws Exception {
        load(robot, article());
        WebEngine engine = view.view().getEngine();
        String paragraph = fx(() -> engine.getDocument().getElementById("p").getTextContent());
        assertEquals("Lazarus stal miljoenen.", paragraph);
        String title = fx(() -> engine.getDocument().getElementsByTagName("title").getLength() == 0
                ? "" : engine.getDocument().getElementsByTagName("title").item(0).getTextContent());
        assertFalse(title.contains("script ran"));
        Thread.sleep(300);
        assertEquals(0, server.totalHits(), "the reader must load nothing from the network");
        assertFalse(fx(engine::isJavaScriptEnabled));
    }

    @Test
    void clickedLinkOpensOutsideAndTheReaderStaysOnTheArticle(FxRobot robot) throws Exception {
        load(robot, article());
        WebEngine engine = view.view().getEngine();
        robot.interact(() -> engine.executeScript("document.getElementById('l').click()"));
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(server.url("/page")), opened);
        assertEquals(0, server.totalHits(), "the link must not load in the reader");
        String location = fx(engine::getLocation);
        assertTrue(location == null || location.isEmpty() || location.equals("about:blank"), location);
        String paragraph = fx(() -> engine.getDocument().getElementById("p").getTextContent());
        assertEquals("Lazarus stal miljoenen.", paragraph);
    }

    @Test
    void javascriptLinkIsNeitherRunNorOpened(FxRobot robot) throws Exception {
        load(robot, article());
        WebEngine engine = view.view().getEngine();
        robot.interact(() -> engine.executeScript("document.getElementById('js').click()"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), opened);
        assertEquals("Noord-Korea hackt opnieuw",
                fx(() -> engine.getDocument().getElementById("h").getTextContent()));
    }

    @Test
    void navigationThatStartsAnywayIsCancelledAndTheArticleShownAgain(FxRobot robot) throws Exception {
        load(robot, article());
        WebEngine engine = view.view().getEngine();
        String target = server.url("/page");
        robot.interact(() -> engine.load(target));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> opened.contains(target));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> fx(() -> {
            var doc = engine.getDocument();
            return doc != null && doc.getElementById("p") != null;
        }));
        assertEquals("Lazarus stal miljoenen.",
                fx(() -> engine.getDocument().getElementById("p").getTextContent()));
    }
}
