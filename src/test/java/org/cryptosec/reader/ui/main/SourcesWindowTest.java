package org.cryptosec.reader.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchSort;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;
import org.cryptosec.reader.testing.TestServer;
import org.cryptosec.reader.ui.UiFixture;
import org.cryptosec.reader.ui.WindowTestBase;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.feeds.FeedEntry;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The sources pane and the search in the real window, headless: a folder lists its feeds' articles,
 * a search is saved and listed with its unread count, facets narrow a search, a paused feed shows
 * why and comes back with Resume, and Delete removes an article for good.
 */
class SourcesWindowTest extends WindowTestBase {

    private final AtomicBoolean gone = new AtomicBoolean(true);

    @Override
    protected boolean keepSiteOpen() {
        return true;
    }

    @Start
    void start(Stage stage) throws Exception {
        startWindow(stage);
    }

    private static FeedEntry row(ListView<FeedEntry> feeds, FeedEntry.Kind kind) {
        return feeds.getItems().stream().filter(e -> e.kind() == kind).findFirst().orElse(null);
    }

    private static Node cell(FxRobot robot, String listSelector, java.util.function.Predicate<Object> item) {
        return robot.lookup(listSelector + " .list-cell").match(n -> n instanceof ListCell<?> c && c.getItem() != null
                && item.test(c.getItem())).query();
    }

    private static void contextMenu(FxRobot robot, Node cell) {
        robot.interact(() -> Event.fireEvent(cell, new ContextMenuEvent(ContextMenuEvent.CONTEXT_MENU_REQUESTED,
                5, 5, cell.localToScreen(5, 5).getX(), cell.localToScreen(5, 5).getY(), false, null)));
    }

    @Test
    void clickingAFolderListsTheArticlesOfItsFeedsOnly(FxRobot robot) throws Exception {
        ListView<FeedEntry> feeds = robot.lookup("#feedList").queryListView();
        ListView<ArticleRow> articles = robot.lookup("#articleList").queryListView();
        waitUntil(() -> articles.getItems().size() == 3);
        library.moveFeedToFolder(library.feeds().get(0).id(), "Hacks");
        library.subscribeAll(List.of(new CatalogueEntry("Empty Wire", site.url("/empty.xml"), null, "Quiet")));
        robot.interact(() -> robot.lookup("#mainWindow").queryAs(MainWindow.class).model().feeds().reload());
        waitUntil(() -> feeds.getItems().stream().filter(e -> e.kind() == FeedEntry.Kind.FOLDER).count() == 2);

        robot.clickOn(cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.FOLDER
                && e.folderName().equals("Quiet")));
        waitUntil(() -> articles.getItems().isEmpty());
        robot.clickOn(cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.FOLDER
                && e.folderName().equals("Hacks")));
        waitUntil(() -> articles.getItems().size() == 3);
        assertEquals("folder:Hacks", feeds.getSelectionModel().getSelectedItem().key());
        assertTrue(row(feeds, FeedEntry.Kind.FOLDER).isExpanded(), "selecting a folder does not fold it");
    }

    @Test
    void aSavedSearchIsListedWithItsUnreadCountAndShowsItsHits(FxRobot robot) throws Exception {
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        // the background refresh's first look (5 s after the start) holds the status line while it runs, and on a
        // slow machine that is when the new hits are announced: this test is about the announcement, not the schedule
        robot.interact(() -> window.model().refresh().stopSchedule());
        ListView<FeedEntry> feeds = robot.lookup("#feedList").queryListView();
        ListView<ArticleRow> articles = robot.lookup("#articleList").queryListView();
        waitUntil(() -> articles.getItems().size() == 3);
        robot.clickOn("#searchField").write("Ann Lee");
        waitUntil(() -> articles.getItems().size() == 2);
        robot.clickOn("#saveSearchButton");
        TextField name = robot.lookup("#feedNameField").queryAs(TextField.class);
        robot.interact(name::clear);
        robot.clickOn(name).write("Ann's stories");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> row(feeds, FeedEntry.Kind.SAVED) != null && row(feeds, FeedEntry.Kind.SAVED).unread() == 2);
        assertEquals("Ann's stories", row(feeds, FeedEntry.Kind.SAVED).savedSearch().name());
        assertEquals(FeedEntry.Kind.SECTION, feeds.getItems().get(feeds.getItems().indexOf(row(feeds,
                FeedEntry.Kind.SAVED)) - 1).kind(), "the saved searches have their heading");

        robot.interact(() -> robot.lookup("#searchField").queryAs(TextField.class).clear());
        robot.clickOn(cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.ALL));
        waitUntil(() -> articles.getItems().size() == 3);
        robot.clickOn(cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.SAVED));
        waitUntil(() -> articles.getItems().size() == 2);
        robot.clickOn(cell(robot, ".article-list", i -> i instanceof ArticleRow r && r.title().equals(UiFixture.BRIDGE_TITLE)));
        waitUntil(() -> row(feeds, FeedEntry.Kind.SAVED).unread() == 1);

        for (var summary : library.articles(org.cryptosec.reader.model.ArticleFilter.ALL, 0, 10).items()) {
            library.markRead(summary.id(), false); // as if a refresh brought new hits
        }
        robot.interact(() -> window.model().feeds().reloadSavedCounts(true));
        waitUntil(() -> window.toasts().equals(List.of("Ann's stories: 1 new article")));
        assertEquals("Ann's stories: 1 new article", window.model().refresh().messageProperty().get());
        assertEquals(2, row(feeds, FeedEntry.Kind.SAVED).unread());

        contextMenu(robot, cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.SAVED));
        robot.clickOn("Remove saved search");
        waitUntil(() -> row(feeds, FeedEntry.Kind.SAVED) == null && row(feeds, FeedEntry.Kind.SECTION) == null);
        assertTrue(library.savedSearches().isEmpty());
        waitUntil(() -> articles.getItems().size() == 3);
    }

    /** Types a search all three fixture articles match; gives the author dropdown once it is there. */
    private static MenuButton searchAllThree(FxRobot robot, ListView<ArticleRow> articles, MainWindow window)
            throws Exception {
        waitUntil(() -> articles.getItems().size() == 3);
        robot.clickOn("#searchField").write("exchange OR bridge OR stablecoin");
        waitUntil(() -> articles.getItems().size() == 3 && window.articlesView().facetBar().dropdown(FacetDimension.AUTHOR) != null);
        return window.articlesView().facetBar().dropdown(FacetDimension.AUTHOR);
    }

    @Test
    void aSavedSearchKeepsItsFacetAndSortAndOpensWithThemAgain(FxRobot robot) throws Exception {
        ListView<FeedEntry> feeds = robot.lookup("#feedList").queryListView();
        ListView<ArticleRow> articles = robot.lookup("#articleList").queryListView();
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        MenuButton authors = searchAllThree(robot, articles, window);
        robot.interact(() -> authors.getItems().stream().filter(i -> i.getText().startsWith("Ann Lee"))
                .findFirst().orElseThrow().fire());
        waitUntil(() -> articles.getItems().size() == 2);
        robot.clickOn("#sortDate");
        waitUntil(() -> window.model().articles().sortProperty().get() == SearchSort.DATE);

        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        TextField name = robot.lookup("#feedNameField").queryAs(TextField.class);
        assertTrue(fx(() -> name.getScene().getRoot().lookupAll(".label").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Label l && l.getText() != null
                        && l.getText().contains("Author: Ann Lee") && l.getText().contains("newest first"))),
                "the dialog says what is saved");
        robot.interact(name::clear);
        robot.clickOn(name).write("Ann, newest");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> row(feeds, FeedEntry.Kind.SAVED) != null && row(feeds, FeedEntry.Kind.SAVED).unread() == 2);
        var saved = library.savedSearches().get(0);
        assertEquals(List.of(new org.cryptosec.reader.model.FacetFilter(FacetDimension.AUTHOR, "Ann Lee")), saved.filters());
        assertEquals(SearchSort.DATE, saved.sort());

        // elsewhere, best match and no filter ...
        robot.clickOn(cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.ALL));
        waitUntil(() -> articles.getItems().size() == 3 && !window.model().articles().searchingProperty().get());
        robot.interact(() -> window.model().articles().sortProperty().set(SearchSort.RELEVANCE));
        // ... then the saved search opens as it was saved: chip, Newest, Ann's two articles newest first
        robot.clickOn(cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.SAVED));
        waitUntil(() -> articles.getItems().size() == 2
                && articles.getItems().get(0).title().equals(UiFixture.LAZARUS_TITLE)
                && articles.getItems().get(1).title().equals(UiFixture.BRIDGE_TITLE));
        waitUntil(() -> robot.lookup(".facet-chip").tryQuery().isPresent());
        assertTrue(fx(() -> ((javafx.scene.control.Button) robot.lookup(".facet-chip").query()).getText())
                .contains("Ann Lee"));
        assertTrue(fx(() -> robot.lookup("#sortDate").queryAs(javafx.scene.control.ToggleButton.class).isSelected()));
        assertEquals("", fx(() -> robot.lookup("#searchField").queryAs(TextField.class).getText()));
        Node savedCell = cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.kind() == FeedEntry.Kind.SAVED);
        String tip = fx(() -> ((ListCell<?>) savedCell).getTooltip().getText());
        assertTrue(tip.contains("Author: Ann Lee") && tip.contains("newest first"), tip);

        // the chip dropped and saved again under the offered name: the same saved search, changed
        robot.clickOn(".facet-chip");
        waitUntil(() -> articles.getItems().size() == 3);
        robot.press(KeyCode.CONTROL).type(KeyCode.S).release(KeyCode.CONTROL);
        TextField again = robot.lookup("#feedNameField").queryAs(TextField.class);
        assertEquals("Ann, newest", fx(again::getText), "the open saved search's own name is offered");
        robot.type(KeyCode.ENTER);
        waitUntil(() -> library.savedSearches().get(0).filters().isEmpty() && row(feeds, FeedEntry.Kind.SAVED).unread() == 3);
        assertEquals(1, library.savedSearches().size());
    }

    @Test
    void aFacetNarrowsTheSearchAndTheSortToggleReordersIt(FxRobot robot) throws Exception {
        ListView<ArticleRow> articles = robot.lookup("#articleList").queryListView();
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        MenuButton authors = searchAllThree(robot, articles, window);
        assertTrue(authors.getItems().stream().anyMatch(i -> i.getText().equals("Ben Okafor  (1)")),
                authors.getItems().stream().map(i -> i.getText()).toList().toString());
        robot.interact(() -> authors.getItems().stream().filter(i -> i.getText().startsWith("Ben Okafor"))
                .findFirst().orElseThrow().fire());
        waitUntil(() -> articles.getItems().size() == 1);
        assertEquals(UiFixture.PHISHING_TITLE, articles.getItems().get(0).title());
        assertEquals(1, window.model().articles().facetFilters().size());

        robot.clickOn(".facet-chip");
        waitUntil(() -> articles.getItems().size() == 3);
        robot.clickOn("#sortDate");
        waitUntil(() -> window.model().articles().sortProperty().get() == SearchSort.DATE
                && articles.getItems().get(0).title().equals(UiFixture.LAZARUS_TITLE)
                && articles.getItems().get(2).title().equals(UiFixture.PHISHING_TITLE));
    }

    @Test
    void aPausedFeedShowsWhyAndResumeFetchesItAgain(FxRobot robot) throws Exception {
        ListView<FeedEntry> feeds = robot.lookup("#feedList").queryListView();
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        site.server().route("/gone.xml", exchange -> {
            if (gone.get()) {
                TestServer.send(exchange, 410, "text/plain", "gone".getBytes());
            } else {
                TestServer.send(exchange, 200, "application/rss+xml", ("<?xml version=\"1.0\"?><rss version=\"2.0\">"
                        + "<channel><title>Back Again</title><link>" + site.url("/") + "</link></channel></rss>")
                        .getBytes());
            }
        });
        Feed feed = library.subscribeAll(List.of(new CatalogueEntry("Gone Wire", site.url("/gone.xml"), null, null)))
                .get(0);
        library.refresh(List.of(feed.id()), ProgressListener.NONE, new Cancellation());
        assertTrue(library.feed(feed.id()).orElseThrow().paused());
        robot.interact(() -> window.model().feeds().reload());
        waitUntil(() -> feeds.getItems().stream().anyMatch(FeedEntry::paused));
        Node pausedCell = cell(robot, ".feed-list", i -> i instanceof FeedEntry e && e.paused());
        assertTrue(((ListCell<?>) pausedCell).getTooltip().getText().startsWith("Paused:"),
                ((ListCell<?>) pausedCell).getTooltip().getText());
        assertTrue(pausedCell.lookup(".feed-paused").isVisible());

        gone.set(false);
        int before = site.server().hits("/gone.xml");
        contextMenu(robot, pausedCell);
        robot.clickOn("Resume and retry now");
        waitUntil(() -> !library.feed(feed.id()).orElseThrow().paused() && site.server().hits("/gone.xml") > before
                && feeds.getItems().stream().noneMatch(FeedEntry::paused) && !window.model().refresh().runningProperty().get());
        assertFalse(library.feed(feed.id()).orElseThrow().paused());
    }

    @Test
    void deleteAsksThenRemovesTheArticleForGood(FxRobot robot) throws Exception {
        ListView<ArticleRow> articles = robot.lookup("#articleList").queryListView();
        MainWindow window = robot.lookup("#mainWindow").queryAs(MainWindow.class);
        robot.interact(() -> window.model().refresh().stopSchedule()); // a background round would hold the status line
        waitUntil(() -> articles.getItems().size() == 3);
        robot.clickOn(cell(robot, ".article-list", i -> i instanceof ArticleRow r && r.title().equals(UiFixture.BRIDGE_TITLE)));
        long id = window.model().articles().selected().id();
        robot.type(KeyCode.DELETE);
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        robot.type(KeyCode.ENTER);
        try {
            waitUntil(() -> articles.getItems().size() == 2 && library.article(id).isEmpty());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("rows " + articles.getItems() + ", stored " + library.article(id).isPresent()
                    + ", dialog " + robot.lookup(".dialog-pane").tryQuery().isPresent() + ", status "
                    + window.model().refresh().messageProperty().get() + " error " + window.model().articles().errorProperty().get());
        }
        waitUntil(() -> window.model().refresh().messageProperty().get().contains(UiFixture.BRIDGE_TITLE));
        Platform.runLater(() -> window.model().refreshAll());
        waitUntil(() -> !window.model().refresh().runningProperty().get() && library.articleCount() == 2);
    }
}
