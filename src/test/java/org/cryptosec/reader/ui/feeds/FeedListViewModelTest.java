package org.cryptosec.reader.ui.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.SameThreadTaskExecutor;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.UiFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The feed list's folders, counts and edits, without a toolkit, on a real library. */
class FeedListViewModelTest {

    @TempDir
    Path dataDir;

    private UiFixture site;
    private Library library;
    private Feed chainWatch;
    private Feed second;
    private Feed third;
    private FeedListViewModel model;

    @BeforeEach
    void open() throws Exception {
        site = new UiFixture();
        library = Library.open(dataDir);
        chainWatch = site.load(library);
        // Two more feeds that were never fetched: one in a folder, one failing.
        second = library.subscribeAll(List.of(new org.cryptosec.reader.model.CatalogueEntry("Beta Ledger",
                site.url("/beta.xml"), null, "Exchanges"))).get(0);
        third = library.subscribeAll(List.of(new org.cryptosec.reader.model.CatalogueEntry("Alpha Scam Watch",
                site.url("/alpha.xml"), null, null))).get(0);
        model = new FeedListViewModel(library, new FxTaskExecutor(new SameThreadTaskExecutor(), Runnable::run));
        model.reload();
    }

    @AfterEach
    void close() {
        library.close();
        site.close();
    }

    private List<String> rows() {
        List<String> out = new ArrayList<>();
        for (FeedEntry e : model.entries()) {
            out.add(switch (e.kind()) {
                case FOLDER -> "[" + e.folderName() + "] " + e.unread();
                case FEED -> (e.inFolder() ? "  " : "") + e.feed().displayTitle() + " " + e.unread();
                default -> e.kind().name() + " " + e.unread();
            });
        }
        return out;
    }

    private FeedEntry feedRow(long id) {
        return model.entries().stream().filter(e -> e.kind() == FeedEntry.Kind.FEED && e.feed().id() == id)
                .findFirst().orElseThrow(() -> new AssertionError("no row for feed " + id + " in " + rows()));
    }

    private FeedEntry folderRow(String name) {
        return model.entries().stream().filter(e -> e.kind() == FeedEntry.Kind.FOLDER && e.folderName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no folder " + name + " in " + rows()));
    }

    @Test
    void foldersComeAfterTheSmartListsWithTheirFeedsThenTheFeedsInNoFolder() {
        assertEquals(List.of("ALL 3", "UNREAD 3", "STARRED 0", "[Exchanges] 0", "  Beta Ledger 0",
                "Alpha Scam Watch 0", "Chain Watch 3"), rows());
        assertEquals(List.of("Exchanges"), model.folderNames());
    }

    @Test
    void movingAFeedIntoAFolderSumsItsUnreadCountIntoTheFolder() {
        model.moveToFolder(feedRow(chainWatch.id()), "Exchanges");

        assertEquals(List.of("ALL 3", "UNREAD 3", "STARRED 0", "[Exchanges] 3", "  Beta Ledger 0",
                "  Chain Watch 3", "Alpha Scam Watch 0"), rows());
        assertEquals("Exchanges", library.feed(chainWatch.id()).orElseThrow().category());
        assertEquals(chainWatch.id(), model.selected().feed().id(), "the moved feed is selected");
    }

    @Test
    void movingToANewFolderMakesItAndOutOfTheFolderTakesTheFeedOut() {
        model.moveToFolder(feedRow(third.id()), "  Scams ");
        assertEquals(List.of("Exchanges", "Scams"), model.folderNames());
        assertEquals("Scams", library.feed(third.id()).orElseThrow().category());

        model.moveToFolder(feedRow(second.id()), null);
        assertNull(library.feed(second.id()).orElseThrow().category());
        assertEquals(List.of("Scams"), model.folderNames(), "an empty folder disappears");
    }

    @Test
    void renamingChangesTheNameAndKeepsItAcrossARefresh() throws Exception {
        model.rename(feedRow(chainWatch.id()), "  My chain news ");
        assertEquals("My chain news", feedRow(chainWatch.id()).feed().displayTitle());

        library.refresh(List.of(chainWatch.id()), org.cryptosec.reader.task.ProgressListener.NONE,
                new org.cryptosec.reader.task.Cancellation());
        model.reload();
        assertEquals("My chain news", feedRow(chainWatch.id()).feed().displayTitle());
    }

    @ParameterizedTest
    @ValueSource(strings = {"two\nlines", "tab\there"})
    void aNameWithControlCharactersIsRefusedWithAClearError(String name) {
        model.rename(feedRow(chainWatch.id()), name);
        assertTrue(model.errorProperty().get().contains("control character"), model.errorProperty().get());
        assertEquals("Chain Watch", library.feed(chainWatch.id()).orElseThrow().displayTitle());
    }

    @Test
    void anOverlongNameIsRefused() {
        model.rename(feedRow(chainWatch.id()), "x".repeat(Library.MAX_FEED_LABEL + 1));
        assertTrue(model.errorProperty().get().contains("longer than"), model.errorProperty().get());
    }

    @Test
    void choosingAFolderSelectsItAndFoldingKeepsTheSelection() {
        assertTrue(model.choose(folderRow("Exchanges")));
        assertEquals("folder:Exchanges", model.selected().key());
        assertEquals(org.cryptosec.reader.model.ArticleFilter.folder("Exchanges"), model.selected().filter());

        model.toggleFolder(folderRow("Exchanges"));
        assertEquals("folder:Exchanges", model.selected().key(), "folding keeps the folder selected");
        assertFalse(folderRow("Exchanges").isExpanded());
        assertTrue(rows().stream().noneMatch(r -> r.contains("Beta Ledger")), rows().toString());

        model.selectFeed(second.id());
        assertTrue(folderRow("Exchanges").isExpanded(), "selecting a feed unfolds its folder");
        assertEquals(second.id(), model.selected().feed().id());
    }

    @Test
    void renamingAFolderMovesAllItsFeeds() {
        model.moveToFolder(feedRow(third.id()), "Exchanges");
        model.renameFolder(folderRow("Exchanges"), "Markets");
        assertEquals(List.of("Markets"), model.folderNames());
        assertEquals("Markets", library.feed(second.id()).orElseThrow().category());
        assertEquals("Markets", library.feed(third.id()).orElseThrow().category());
    }

    @Test
    void removingTheSelectedFeedSelectsAllArticlesAndDropsItsArticles() {
        model.selectFeed(chainWatch.id());
        model.remove(feedRow(chainWatch.id()));
        assertEquals(FeedEntry.Kind.ALL, model.selected().kind());
        assertTrue(library.feed(chainWatch.id()).isEmpty());
        assertEquals(0, library.articleCount());
        assertEquals("ALL 0", rows().get(0));
    }

    @Test
    void retryHandsTheFeedToTheRefresh() {
        List<List<Long>> asked = new ArrayList<>();
        model.setOnRetry(asked::add);
        model.retry(feedRow(second.id()));
        model.retry(folderRow("Exchanges"));
        assertEquals(List.of(List.of(second.id())), asked);
    }

    @Test
    void theLastSelectionIsRestoredOnceTheFeedsAreLoaded() {
        FeedListViewModel fresh = new FeedListViewModel(library,
                new FxTaskExecutor(new SameThreadTaskExecutor(), Runnable::run));
        fresh.selectWhenLoaded("feed:" + second.id());
        assertEquals(FeedEntry.Kind.ALL, fresh.selected().kind(), "not loaded yet");
        fresh.reload();
        assertEquals(second.id(), fresh.selected().feed().id());
    }

    @Test
    void aFailedFeedShowsItsReason() throws Exception {
        library.refresh(List.of(second.id()), org.cryptosec.reader.task.ProgressListener.NONE,
                new org.cryptosec.reader.task.Cancellation());
        model.reload();
        FeedEntry row = feedRow(second.id());
        assertTrue(row.hasError());
        assertTrue(row.error().contains("404"), row.error());
    }
}
