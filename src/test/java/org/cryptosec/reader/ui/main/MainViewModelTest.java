package org.cryptosec.reader.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.SameThreadTaskExecutor;
import org.cryptosec.reader.ui.Formats;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.UiFixture;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.articles.SnippetText;
import org.cryptosec.reader.ui.feeds.AddFeedViewModel;
import org.cryptosec.reader.ui.feeds.FeedEntry;
import org.cryptosec.reader.ui.reader.AuthorInfo;
import org.cryptosec.reader.ui.reader.ReaderPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window's ViewModels without a toolkit, on a real library (SQLite and Lucene in a temp dir)
 * filled from a fixture site on 127.0.0.1. Work runs on the calling thread and the "UI thread"
 * is either the calling thread too or a queue the test drains in the order it wants.
 */
class MainViewModelTest {

    @TempDir
    Path dataDir;

    private UiFixture site;
    private Library library;
    private Feed feed;
    private final Deque<Runnable> uiQueue = new ArrayDeque<>();
    private final Formats formats = new Formats(Clock.fixed(Instant.parse("2025-03-14T12:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void open() throws Exception {
        site = new UiFixture();
        library = Library.open(dataDir);
        feed = site.load(library);
    }

    @AfterEach
    void close() {
        if (library != null) {
            library.close();
        }
        site.close();
    }

    private MainViewModel model(Executor uiThread) {
        FxTaskExecutor tasks = new FxTaskExecutor(new SameThreadTaskExecutor(), uiThread);
        MainViewModel model = new MainViewModel(library, tasks, Duration.ZERO, formats);
        model.start();
        return model;
    }

    private MainViewModel synchronousModel() {
        return model(Runnable::run);
    }

    private static ArticleRow row(MainViewModel model, String title) {
        return model.articles().rows().stream().filter(r -> r.title().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + title + " in " + model.articles().rows()));
    }

    private static FeedEntry feedEntry(MainViewModel model) {
        return model.feeds().entries().stream().filter(e -> e.kind() == FeedEntry.Kind.FEED).findFirst().orElseThrow();
    }

    @Test
    void startListsSmartListsThenTheFeedWithItsUnreadCount() {
        MainViewModel model = synchronousModel();
        List<FeedEntry> entries = model.feeds().entries();
        assertEquals(List.of(FeedEntry.Kind.ALL, FeedEntry.Kind.UNREAD, FeedEntry.Kind.STARRED, FeedEntry.Kind.FEED),
                entries.stream().map(FeedEntry::kind).toList());
        assertEquals("Chain Watch", feedEntry(model).feed().displayTitle());
        assertEquals(3, feedEntry(model).unread());
        assertEquals(3, entries.get(1).unread());
        assertFalse(feedEntry(model).hasError());

        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE, UiFixture.PHISHING_TITLE),
                model.articles().rows().stream().map(ArticleRow::title).toList(), "newest first");
        assertTrue(model.articles().rows().stream().noneMatch(ArticleRow::isRead));
        assertEquals("3 articles", model.articles().infoProperty().get());
        assertNull(model.articles().selected());
    }

    @Test
    void selectingAnArticleOpensItInTheReaderAndMarksItRead() {
        MainViewModel model = synchronousModel();
        ArticleRow lazarus = row(model, UiFixture.LAZARUS_TITLE);

        model.articles().selectedProperty().set(lazarus);

        var reader = model.reader();
        assertEquals(lazarus.id(), reader.articleIdProperty().get());
        assertEquals(UiFixture.LAZARUS_TITLE, reader.titleProperty().get());
        assertEquals("Chain Watch", reader.sourceProperty().get());
        assertTrue(reader.showingProperty().get());
        assertTrue(reader.readingTimeProperty().get().endsWith("min read"), reader.readingTimeProperty().get());
        assertEquals(List.of("Ann Lee"), reader.authors().stream().map(AuthorInfo::name).toList());
        String document = reader.documentProperty().get();
        assertTrue(document.contains(ReaderPage.CONTENT_SECURITY_POLICY), "CSP in the page");
        assertTrue(document.contains(UiFixture.LAZARUS_SENTENCE), document);
        assertFalse(document.contains("src=\"http"), "no image loads from the network: " + document);

        assertTrue(lazarus.isRead());
        assertTrue(library.state(lazarus.id()).orElseThrow().read(), "read is stored");
        assertEquals(2, feedEntry(model).unread());
        assertEquals(2, model.feeds().entries().get(1).unread());
    }

    @Test
    void readAndStarToggleInTheListAndTheLibrary() {
        MainViewModel model = synchronousModel();
        ArticleRow bridge = row(model, UiFixture.BRIDGE_TITLE);
        model.articles().selectedProperty().set(bridge);
        assertTrue(bridge.isRead());

        model.toggleReadSelected();
        assertFalse(bridge.isRead());
        assertFalse(library.state(bridge.id()).orElseThrow().read());
        assertEquals(3, feedEntry(model).unread());

        model.toggleStarredSelected();
        assertTrue(bridge.isStarred());
        assertTrue(library.state(bridge.id()).orElseThrow().starred());

        model.feeds().selectedProperty().set(model.feeds().entries().get(2));
        assertEquals(List.of(UiFixture.BRIDGE_TITLE), model.articles().rows().stream().map(ArticleRow::title).toList());

        model.toggleStarredSelected();
        assertFalse(library.state(bridge.id()).orElseThrow().starred());
    }

    @Test
    void unreadFilterListsOnlyUnreadArticles() {
        MainViewModel model = synchronousModel();
        model.articles().selectedProperty().set(row(model, UiFixture.PHISHING_TITLE));
        model.feeds().selectedProperty().set(model.feeds().entries().get(1));
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE),
                model.articles().rows().stream().map(ArticleRow::title).toList());
    }

    @Test
    void nextAndPreviousMoveThroughTheList() {
        MainViewModel model = synchronousModel();
        model.articles().selectNext();
        assertEquals(UiFixture.LAZARUS_TITLE, model.articles().selected().title());
        model.articles().selectNext();
        model.articles().selectNext();
        model.articles().selectNext();
        assertEquals(UiFixture.PHISHING_TITLE, model.articles().selected().title(), "stops at the end");
        model.articles().selectPrevious();
        assertEquals(UiFixture.BRIDGE_TITLE, model.articles().selected().title());
        assertEquals(UiFixture.BRIDGE_TITLE, model.reader().titleProperty().get());
    }

    @Test
    void goingBackBeforeTheNextArticleLoadedShowsTheArticleSelectedLast() {
        MainViewModel model = model(uiQueue::add);
        drain();
        model.articles().selectedProperty().set(row(model, UiFixture.LAZARUS_TITLE));
        drain();
        model.articles().selectedProperty().set(row(model, UiFixture.BRIDGE_TITLE));
        Runnable bridgeLoaded = uiQueue.removeFirst();
        model.articles().selectedProperty().set(row(model, UiFixture.LAZARUS_TITLE));
        bridgeLoaded.run();
        drain();
        assertEquals(UiFixture.LAZARUS_TITLE, model.reader().titleProperty().get());
    }

    @Test
    void searchShowsHitsWithMarkedMatchesAndClearingGoesBack() {
        MainViewModel model = synchronousModel();
        model.articles().selectedProperty().set(row(model, UiFixture.BRIDGE_TITLE));

        model.articles().queryProperty().set("forged proof");

        assertTrue(model.articles().searchingProperty().get());
        List<ArticleRow> rows = model.articles().rows();
        assertEquals(UiFixture.BRIDGE_TITLE, rows.get(0).title());
        assertTrue(rows.get(0).isRead(), "read state comes from the library");
        assertTrue(rows.get(0).snippet().stream().anyMatch(SnippetText.Run::bold), rows.get(0).snippet().toString());
        assertTrue(model.articles().infoProperty().get().contains("for \u201cforged proof\u201d"),
                model.articles().infoProperty().get());
        assertEquals(UiFixture.BRIDGE_TITLE, model.articles().selected().title(), "the open article stays selected");

        model.articles().clearSearch();
        assertFalse(model.articles().searchingProperty().get());
        assertEquals(3, model.articles().rows().size());
    }

    @Test
    void olderSearchAnswerArrivingLateIsDropped() {
        MainViewModel model = model(uiQueue::add);
        drain();
        model.articles().queryProperty().set("mixers");
        uiQueue.removeFirst().run();            // the debounced search runs; its answer is queued
        Runnable staleAnswer = uiQueue.removeFirst();
        model.articles().queryProperty().set("dust");
        uiQueue.removeFirst().run();            // the second search runs; its answer is queued
        uiQueue.removeFirst().run();            // the fresh answer arrives first
        staleAnswer.run();                      // the stale one comes last
        drain();
        assertEquals(List.of(UiFixture.PHISHING_TITLE), model.articles().rows().stream().map(ArticleRow::title).toList());
    }

    @Test
    void typingFastSearchesOnlyForTheLastText() {
        MainViewModel model = model(uiQueue::add);
        drain();
        model.articles().queryProperty().set("m");
        model.articles().queryProperty().set("mi");
        model.articles().queryProperty().set("mixers");
        drain();
        assertEquals(List.of(UiFixture.LAZARUS_TITLE), model.articles().rows().stream().map(ArticleRow::title).toList());
        assertTrue(model.articles().infoProperty().get().contains("mixers"));
    }

    @Test
    void refreshReportsItsSummaryAndReloadsTheFeeds() throws Exception {
        MainViewModel model = synchronousModel();
        model.refreshAll();
        assertFalse(model.refresh().runningProperty().get());
        assertEquals("No new articles", model.refresh().messageProperty().get());
        assertNotNull(model.refresh().lastReportProperty().get());
    }

    @Test
    void failedFeedShowsItsErrorAndTheSummaryCountsIt() {
        MainViewModel model = synchronousModel();
        site.close();
        model.refreshAll();
        assertEquals("No new articles; 1 feed failed", model.refresh().messageProperty().get());
        FeedEntry entry = feedEntry(model);
        assertTrue(entry.hasError(), "the feed row carries the error");
        assertFalse(model.refresh().detailProperty().get().isBlank());
    }

    @Test
    void addFeedShowsTheErrorInPlaceWhenTheUrlHasNoFeed() {
        MainViewModel model = synchronousModel();
        AddFeedViewModel add = model.newAddFeed();
        add.urlProperty().set(site.url("/no-such-page"));
        List<Feed> added = new java.util.ArrayList<>();
        add.subscribe(added::add);
        assertTrue(added.isEmpty());
        assertFalse(add.busyProperty().get());
        assertNotNull(add.errorProperty().get());
        assertFalse(add.errorProperty().get().isBlank());
    }

    @Test
    void addFeedWithoutUrlAsksForOne() {
        AddFeedViewModel add = synchronousModel().newAddFeed();
        add.urlProperty().set("   ");
        assertFalse(add.canSubscribeProperty().get());
        add.subscribe(f -> { });
        assertEquals("Enter the address of a feed or a site.", add.errorProperty().get());
    }

    @Test
    void addingTheSameFeedAgainSelectsIt() {
        MainViewModel model = synchronousModel();
        AddFeedViewModel add = model.newAddFeed();
        add.urlProperty().set(site.url("/"));
        List<Feed> added = new java.util.ArrayList<>();
        add.subscribe(f -> {
            added.add(f);
            model.subscribed(f);
        });
        assertEquals(List.of(feed.id()), added.stream().map(Feed::id).toList());
        assertEquals(4, model.feeds().entries().size(), "no duplicate feed");
        assertEquals(FeedEntry.Kind.FEED, model.feeds().selected().kind());
        assertNull(add.errorProperty().get());
    }

    private void drain() {
        while (!uiQueue.isEmpty()) {
            uiQueue.removeFirst().run();
        }
    }

    @Test
    void theCatalogueIsOfferedOnlyWhileTheLibraryHasNoFeed(@org.junit.jupiter.api.io.TempDir Path emptyDir)
            throws Exception {
        assertTrue(synchronousModel().catalogueToOffer().isEmpty(), "a library with feeds is not asked again");
        try (Library empty = Library.open(emptyDir)) {
            FxTaskExecutor tasks = new FxTaskExecutor(new SameThreadTaskExecutor(), Runnable::run);
            MainViewModel model = new MainViewModel(empty, tasks, Duration.ZERO, formats);
            model.start();
            assertTrue(model.catalogueToOffer().size() >= 10);
            assertTrue(empty.feeds().isEmpty(), "offering subscribes to nothing");
            model.subscribeCatalogue(List.of(new org.cryptosec.reader.model.CatalogueEntry("Local", feed.url(),
                    null, "Tests")));
            assertEquals(1, empty.feeds().size());
            assertTrue(model.catalogueToOffer().isEmpty());
            assertTrue(model.feeds().entries().stream().anyMatch(e -> e.kind() == FeedEntry.Kind.FEED));
        }
    }
}
