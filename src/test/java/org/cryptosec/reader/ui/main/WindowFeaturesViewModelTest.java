package org.cryptosec.reader.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.model.SearchSort;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.SameThreadTaskExecutor;
import org.cryptosec.reader.ui.Formats;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.UiFixture;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.cryptosec.reader.ui.feeds.FeedEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folders, saved searches, facets, delete and related articles in the ViewModels, without a toolkit. */
class WindowFeaturesViewModelTest {

    @TempDir
    Path dataDir;

    private UiFixture site;
    private Library library;
    private Feed feed;
    private final Formats formats = new Formats(Clock.fixed(Instant.parse("2025-03-14T12:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void open() throws Exception {
        site = new UiFixture();
        library = Library.open(dataDir);
        feed = site.load(library);
    }

    @AfterEach
    void close() {
        library.close();
        site.close();
    }

    private MainViewModel model() {
        Executor ui = Runnable::run;
        MainViewModel model = new MainViewModel(library, new FxTaskExecutor(new SameThreadTaskExecutor(), ui),
                Duration.ZERO, formats);
        model.start();
        return model;
    }

    /** The announcements the model makes from now on, in order. */
    private static List<String> notes(MainViewModel model) {
        List<String> notes = new ArrayList<>();
        model.notificationProperty().addListener((obs, old, text) -> {
            if (text != null) {
                notes.add(text);
            }
        });
        return notes;
    }

    private static List<String> titles(MainViewModel model) {
        return model.articles().rows().stream().map(ArticleRow::title).toList();
    }

    private static FeedEntry entry(MainViewModel model, FeedEntry.Kind kind) {
        return model.feeds().entries().stream().filter(e -> e.kind() == kind).findFirst().orElse(null);
    }

    @Test
    void deletingTheSelectedArticleSelectsTheNextAndAnnouncesIt() {
        MainViewModel model = model();
        ArticleRow bridge = model.articles().rows().get(1);
        model.articles().selectedProperty().set(bridge);
        model.deleteSelected();
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.PHISHING_TITLE), titles(model));
        assertEquals(UiFixture.PHISHING_TITLE, model.articles().selected().title());
        assertTrue(library.article(bridge.id()).isEmpty());
        assertEquals("Deleted \u201c" + UiFixture.BRIDGE_TITLE + "\u201d", model.refresh().messageProperty().get());
        model.articles().reload();
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.PHISHING_TITLE), titles(model));
    }

    @Test
    void aFolderRowListsItsFeedsArticles() throws Exception {
        library.moveFeedToFolder(feed.id(), "Hacks");
        MainViewModel model = model();
        FeedEntry folder = entry(model, FeedEntry.Kind.FOLDER);
        assertTrue(model.feeds().choose(folder));
        assertEquals("Hacks", model.articles().filter().folder());
        assertEquals(3, model.articles().rows().size());
    }

    @Test
    void aSavedSearchCountsUnreadHitsAndFollowsReadChanges() throws Exception {
        library.saveSearch("Ann", "author:\"Ann Lee\"");
        MainViewModel model = model();
        FeedEntry saved = entry(model, FeedEntry.Kind.SAVED);
        assertEquals(2, saved.unread());
        model.feeds().choose(saved);
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE).stream().sorted().toList(),
                titles(model).stream().sorted().toList());
        model.articles().selectedProperty().set(model.articles().rows().get(0));
        assertEquals(1, entry(model, FeedEntry.Kind.SAVED).unread(), "reading a hit lowers the count");
        model.feeds().choose(entry(model, FeedEntry.Kind.ALL));
        assertEquals(3, model.articles().rows().size());
    }

    @Test
    void aSavedSearchThatGrowsAfterARefreshIsAnnounced() throws Exception {
        library.saveSearch("Ann", "author:\"Ann Lee\"");
        MainViewModel model = model();
        List<String> notes = notes(model);
        model.articles().selectedProperty().set(model.articles().rows().get(0));
        model.articles().selectedProperty().set(model.articles().rows().get(1));
        assertEquals(0, entry(model, FeedEntry.Kind.SAVED).unread());
        for (long id : library.articles(org.cryptosec.reader.model.ArticleFilter.ALL, 0, 10).items().stream()
                .map(s -> s.id()).toList()) {
            library.markRead(id, false); // as if a refresh brought them in
        }
        model.refresh().setOnFinished(null);
        model.feeds().reloadSavedCounts(true);
        assertEquals(List.of("Ann: 2 new articles"), notes);
        assertEquals(2, entry(model, FeedEntry.Kind.SAVED).unread());
    }

    private static final String ANY = "exchange OR bridge OR stablecoin";
    private static final FacetFilter ANN = new FacetFilter(FacetDimension.AUTHOR, "Ann Lee");
    private static final FacetFilter BEN = new FacetFilter(FacetDimension.AUTHOR, "Ben Okafor");

    @Test
    void openingASavedSearchRestoresItsQueryFiltersAndSort() throws Exception {
        library.saveSearch("Ann, newest", ANY, List.of(ANN), SearchSort.DATE);
        MainViewModel model = model();
        assertEquals(2, entry(model, FeedEntry.Kind.SAVED).unread(), "the filter applies to the count: 2 of 3 hits");
        model.articles().queryProperty().set("phishing");
        assertEquals(List.of(UiFixture.PHISHING_TITLE), titles(model));

        model.feeds().choose(entry(model, FeedEntry.Kind.SAVED));
        assertEquals("", model.articles().queryProperty().get(), "the typed search gives way to the saved one");
        assertEquals(ANY, model.articles().activeQuery());
        assertEquals(List.of(ANN), model.articles().facetFilters());
        assertEquals(SearchSort.DATE, model.articles().sortProperty().get());
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE), titles(model), "Ann's, newest first");

        model.articles().toggleFacet(ANN);
        assertEquals(3, model.articles().rows().size(), "dropping the chip widens the saved search for now");
        model.feeds().choose(entry(model, FeedEntry.Kind.ALL));
        model.articles().sortProperty().set(SearchSort.RELEVANCE);
        model.feeds().choose(entry(model, FeedEntry.Kind.SAVED));
        assertEquals(List.of(ANN), model.articles().facetFilters(), "opened again: as it was saved");
        assertEquals(SearchSort.DATE, model.articles().sortProperty().get());
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE), titles(model));

        model.articles().queryProperty().set("phishing");
        assertTrue(model.articles().facetFilters().isEmpty());
        model.articles().clearSearch();
        assertEquals(List.of(ANN), model.articles().facetFilters(), "clearing a typed search goes back to the saved one");
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE), titles(model));
    }

    @Test
    void savingKeepsTheFiltersAndSortShownAndCountsWithThem() throws Exception {
        MainViewModel model = model();
        model.articles().queryProperty().set(ANY);
        model.articles().toggleFacet(BEN);
        model.articles().sortProperty().set(SearchSort.DATE);
        assertTrue(model.articles().canSaveSearch());
        model.saveSearch("Ben");
        org.cryptosec.reader.model.SavedSearch saved = library.savedSearches().get(0);
        assertEquals(ANY, saved.query());
        assertEquals(List.of(BEN), saved.filters());
        assertEquals(SearchSort.DATE, saved.sort());
        FeedEntry row = entry(model, FeedEntry.Kind.SAVED);
        assertEquals(row, model.feeds().selected(), "the new saved search is selected");
        assertEquals(1, row.unread());
        assertEquals(List.of(UiFixture.PHISHING_TITLE), titles(model));
    }

    @Test
    void savingTheOpenSavedSearchUnderItsOwnNameKeepsTheChangedChipsAndOrder() throws Exception {
        library.saveSearch("Ann", ANY, List.of(ANN), SearchSort.DATE);
        MainViewModel model = model();
        model.feeds().choose(entry(model, FeedEntry.Kind.SAVED));
        model.articles().toggleFacet(ANN);
        model.articles().toggleFacet(BEN);
        model.articles().sortProperty().set(SearchSort.RELEVANCE);
        model.saveSearch("ann");
        assertEquals(1, library.savedSearches().size(), "changed, not added");
        org.cryptosec.reader.model.SavedSearch changed = library.savedSearches().get(0);
        assertEquals(List.of(BEN), changed.filters());
        assertEquals(SearchSort.RELEVANCE, changed.sort());
        assertEquals("ann", changed.name());
        assertEquals(1, entry(model, FeedEntry.Kind.SAVED).unread());

        model.articles().queryProperty().set("phishing");
        model.saveSearch("Ann");
        assertEquals(1, library.savedSearches().size());
        assertEquals(ANY, library.savedSearches().get(0).query(), "other words under its name are refused, not saved over it");
        assertTrue(model.feeds().errorProperty().get().contains("already exists"), model.feeds().errorProperty().get());
    }

    @Test
    void aSavedSearchOfOnlyFiltersListsEveryArticlePassingThem() throws Exception {
        library.saveSearch("Ann's articles", "", List.of(ANN), null);
        MainViewModel model = model();
        assertEquals(2, entry(model, FeedEntry.Kind.SAVED).unread());
        model.feeds().choose(entry(model, FeedEntry.Kind.SAVED));
        assertEquals(List.of(UiFixture.BRIDGE_TITLE, UiFixture.LAZARUS_TITLE), titles(model).stream().sorted().toList());
        assertEquals("2 results with these filters", model.articles().infoProperty().get());
        assertTrue(model.articles().canSaveSearch(), "filters alone can be saved again");
        model.feeds().choose(entry(model, FeedEntry.Kind.ALL));
        assertFalse(model.articles().canSaveSearch(), "a feed listing is no search");
    }

    @Test
    void theNewHitsAnnouncementCountsOnlyHitsPassingTheFilters() throws Exception {
        library.saveSearch("Ann", ANY, List.of(ANN), null);
        MainViewModel model = model();
        List<String> notes = notes(model);
        for (ArticleRow row : List.copyOf(model.articles().rows())) {
            model.articles().selectedProperty().set(row);
        }
        assertEquals(0, entry(model, FeedEntry.Kind.SAVED).unread());
        for (var summary : library.articles(org.cryptosec.reader.model.ArticleFilter.ALL, 0, 10).items()) {
            library.markRead(summary.id(), false); // as if a refresh brought all three in
        }
        model.refresh().setOnFinished(null);
        model.feeds().reloadSavedCounts(true);
        assertEquals(List.of("Ann: 2 new articles"), notes, "Ben's article is not Ann's news");
    }

    @Test
    void aProblemInTheUsersSynonymFileIsAnnouncedWithFileAndLine() throws Exception {
        assertEquals(null, model().synonymWarning(), "no file, nothing to say");
        library.close();
        Path file = Library.userSynonymsFile(dataDir);
        java.nio.file.Files.writeString(file, "only-one\nwhale, walvis\nx => y => z\n");
        library = Library.open(dataDir);
        String warning = model().synonymWarning();
        assertTrue(warning.startsWith("2 problems in your synonyms, the first: " + file + ": line 1 needs at least two entries: only-one; line skipped"),
                warning);
    }

    @Test
    void reloadingSynonymsRunsTheSearchShownAgainAndSaysSo() throws Exception {
        MainViewModel model = model();
        List<String> notes = notes(model);
        model.articles().queryProperty().set("brugwerk");
        assertEquals(List.of(), titles(model), "no such word in the library");
        java.nio.file.Files.writeString(Library.userSynonymsFile(dataDir), "brugwerk, bridge\n");
        model.reloadSynonyms();
        assertTrue(titles(model).contains(UiFixture.BRIDGE_TITLE), "the search shown found the new synonym: " + titles(model));
        assertEquals(List.of("Synonyms read again from " + Library.userSynonymsFile(dataDir)), notes);
        java.nio.file.Files.writeString(Library.userSynonymsFile(dataDir), "brugwerk\n");
        model.reloadSynonyms();
        assertTrue(notes.get(1).startsWith("A problem in your synonyms: "), notes.toString());
        assertEquals(List.of(), titles(model), "the broken group is gone");
    }

    @Test
    void theAnnouncementCountsEveryProblemOfTheSynonymFileNotOnlyThoseListed() throws Exception {
        library.close();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 45; i++) {
            lines.append("alone").append(i).append('\n');
        }
        java.nio.file.Files.writeString(Library.userSynonymsFile(dataDir), lines);
        library = Library.open(dataDir);
        String warning = model().synonymWarning();
        assertTrue(warning.startsWith("45 problems in your synonyms, the first: "), warning);
    }

    @Test
    void aFacetFilterNarrowsTheSearchAndSortByDateOrdersIt() {
        MainViewModel model = model();
        model.articles().queryProperty().set("exchange OR bridge OR stablecoin");
        assertEquals(3, model.articles().rows().size());
        assertTrue(model.articles().facets().stream().anyMatch(f -> f.dimension() == FacetDimension.AUTHOR));
        model.articles().toggleFacet(new FacetFilter(FacetDimension.AUTHOR, "Ben Okafor"));
        assertEquals(List.of(UiFixture.PHISHING_TITLE), titles(model));
        model.articles().toggleFacet(new FacetFilter(FacetDimension.AUTHOR, "Ben Okafor"));
        assertEquals(3, model.articles().rows().size());
        model.articles().sortProperty().set(SearchSort.DATE);
        assertEquals(List.of(UiFixture.LAZARUS_TITLE, UiFixture.BRIDGE_TITLE, UiFixture.PHISHING_TITLE), titles(model));
        model.articles().toggleFacet(new FacetFilter(FacetDimension.YEAR, "2024"));
        assertTrue(model.articles().rows().isEmpty());
        model.articles().queryProperty().set("bridge");
        assertTrue(model.articles().facetFilters().isEmpty(), "a new query starts without filters");
        model.articles().clearSearch();
        assertTrue(model.articles().facets().isEmpty());
        assertFalse(model.articles().searchingProperty().get());
    }

    @Test
    void theReaderListsTheRelatedArticlesOfTheOneShownWithoutItself() {
        MainViewModel model = model();
        ArticleRow lazarus = model.articles().rows().get(0);
        model.articles().selectedProperty().set(lazarus);
        List<Long> expected = org.cryptosec.reader.ui.reader.ReaderViewModel.distinctRelated(
                library.related(lazarus.id(), 15), lazarus.title()).stream().map(r -> r.id()).toList();
        assertEquals(expected, model.reader().related().stream().map(r -> r.id()).toList());
        assertFalse(expected.contains(lazarus.id()));
        assertFalse(expected.isEmpty(), "the other two fixture articles share words with it");
        model.reader().clear();
        assertTrue(model.reader().related().isEmpty());
    }

    @Test
    void relatedArticlesLeaveOutCopiesOfTheShownArticleAndOfEachOther() {
        java.time.Instant t = Instant.parse("2025-01-01T00:00:00Z");
        List<org.cryptosec.reader.model.SearchHit> hits = List.of(
                new org.cryptosec.reader.model.SearchHit(2, "Same Title", null, "A", List.of(), t, "en", "", 3f),
                new org.cryptosec.reader.model.SearchHit(3, "Other", null, "A", List.of(), t, "en", "", 2f),
                new org.cryptosec.reader.model.SearchHit(4, "other ", null, "B", List.of(), t, "en", "", 1f),
                new org.cryptosec.reader.model.SearchHit(5, null, null, "B", List.of(), t, "en", "", 1f));
        assertEquals(List.of(3L, 5L), org.cryptosec.reader.ui.reader.ReaderViewModel.distinctRelated(hits, " same title")
                .stream().map(r -> r.id()).toList());
    }
}
