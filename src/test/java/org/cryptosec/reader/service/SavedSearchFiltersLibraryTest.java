package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.model.SearchHit;
import org.cryptosec.reader.model.SearchQuery;
import org.cryptosec.reader.model.SearchResult;
import org.cryptosec.reader.model.SearchSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Saved searches with filters and sort through Library (their hits, unread counts and the counts a
 * refresh announces all use the filters), and the user's own synonym file in the data folder.
 */
class SavedSearchFiltersLibraryTest {

    private static final FacetFilter DUTCH = new FacetFilter(FacetDimension.LANGUAGE, "nl");

    @TempDir
    Path dir;

    @Test
    void unreadCountsAndHitsOfASavedSearchFollowItsFilters() throws Exception {
        long[] ids = LibrarySearchTest.store(dir,
                "Exchange gehackt", "nl", "De beurs is gehackt en er is crypto gestolen.",
                "Exchange hacked", "en", "The exchange was hacked and funds were stolen.",
                "Weer een exchange gehackt", "nl", "Opnieuw is een beurs gehackt.");
        long savedId;
        try (Library library = Library.open(dir)) {
            SavedSearch s = library.saveSearch("Dutch hacks", "hack", List.of(DUTCH), SearchSort.DATE);
            savedId = s.id();
            assertEquals(List.of(DUTCH), library.savedSearch(savedId).orElseThrow().filters());
            assertEquals(3, library.search(new SearchQuery("hack", 10)).total(), "without the filter: all three");
            assertEquals(2, library.savedSearchUnread(savedId), "only the Dutch ones");
            SearchResult run = library.runSavedSearch(savedId, 10).orElseThrow();
            assertEquals(2, run.total());
            assertTrue(run.hits().stream().allMatch(h -> "nl".equals(h.lang())), run.hits().toString());

            library.markRead(ids[1], true); // English: not a hit, the count stays
            assertEquals(2, library.savedSearchUnread(savedId));
            library.markRead(ids[0], true);
            assertEquals(1, library.savedSearchUnread(savedId));
        }
        LibrarySearchTest.store(dir, "Nieuwe hack bij exchange", "nl", "Weer gehackt.",
                "Another exchange hack", "en", "Hacked again.");
        try (Library library = Library.open(dir)) {
            assertEquals(Map.of(savedId, 2), library.savedSearchUnreadCounts(),
                    "the new Dutch article counts, the new English one does not");
        }
    }

    @Test
    void aSavedSearchOfOnlyFiltersCountsEveryArticlePassingThem() throws Exception {
        LibrarySearchTest.store(dir,
                "Bitcoin koers stijgt", "nl", "De koers stijgt.",
                "Exchange hacked", "en", "Funds were stolen.",
                "Exchange gehackt", "nl", "Er is crypto gestolen.");
        try (Library library = Library.open(dir)) {
            SavedSearch s = library.saveSearch("Alles in het Nederlands", "", List.of(DUTCH), null);
            assertEquals(2, library.savedSearchUnread(s.id()));
            assertEquals(2, library.runSavedSearch(s.id(), 10).orElseThrow().total());
        }
    }

    @Test
    void updatingASavedSearchChangesWhatItCounts() throws Exception {
        LibrarySearchTest.store(dir,
                "Exchange gehackt", "nl", "Er is crypto gestolen.",
                "Exchange hacked", "en", "Funds were stolen.");
        try (Library library = Library.open(dir)) {
            SavedSearch s = library.saveSearch("Hacks", "hack");
            assertEquals(2, library.savedSearchUnread(s.id()));
            SavedSearch changed = library.updateSavedSearch(s.id(), "Dutch hacks", "hack", List.of(DUTCH), SearchSort.DATE);
            assertEquals(SearchSort.DATE, changed.sort());
            assertEquals(1, library.savedSearchUnread(s.id()));
            LibraryException gone = assertThrows(LibraryException.class,
                    () -> library.updateSavedSearch(999, "x", "y", List.of(), null));
            assertTrue(gone.getMessage().contains("No saved search with id 999"), gone.getMessage());
            LibraryException empty = assertThrows(LibraryException.class,
                    () -> library.updateSavedSearch(s.id(), "x", " ", List.of(), null));
            assertTrue(empty.getMessage().contains("needs a query or a filter"), empty.getMessage());
        }
    }

    @Test
    void theUsersSynonymFileIsMergedWithTheBundledOne() throws Exception {
        long[] ids = LibrarySearchTest.store(dir,
                "Memecoin blijkt een val", "nl", "De munt was lokaas voor kopers.",
                "Noord-Korea steelt crypto", "nl", "Hackers uit Noord-Korea.");
        Files.writeString(Library.userSynonymsFile(dir), "# mine\nhoneypot, lokaas\n", StandardCharsets.UTF_8);
        try (Library library = Library.open(dir)) {
            assertEquals(List.of(), library.synonymWarnings());
            assertEquals(List.of(ids[0]), ids(library, "honeypot"), "the user's group");
            assertEquals(List.of(ids[1]), ids(library, "North Korea"), "the bundled groups still apply");
        }
    }

    @Test
    void aBrokenSynonymFileIsReportedByLineAndTheRestStillWorks() throws Exception {
        long[] ids = LibrarySearchTest.store(dir,
                "Memecoin blijkt een val", "nl", "Lokaas.",
                "Noord-Korea steelt crypto", "nl", "Hackers uit Noord-Korea.");
        Path file = Library.userSynonymsFile(dir);
        Files.writeString(file, "honeypot, lokaas\nonly-one\na => b => c\n", StandardCharsets.UTF_8);
        try (Library library = Library.open(dir)) {
            List<String> warnings = library.synonymWarnings();
            assertEquals(2, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).contains(file.toString()) && warnings.get(0).contains("line 2"), warnings.get(0));
            assertTrue(warnings.get(1).contains("line 3"), warnings.get(1));
            assertEquals(List.of(ids[0]), ids(library, "honeypot"), "the good line is used");
            assertEquals(List.of(ids[1]), ids(library, "North Korea"));
        }
    }

    @Test
    void reloadingTheSynonymFileAppliesAnEditWithoutReopeningAndReportsItsProblems() throws Exception {
        long[] ids = LibrarySearchTest.store(dir, "Memecoin blijkt een val", "nl", "De munt was lokaas voor kopers.");
        Path file = Library.userSynonymsFile(dir);
        try (Library library = Library.open(dir)) {
            assertEquals(List.of(), ids(library, "honeypot"), "no such group yet");
            Files.writeString(file, "honeypot, lokaas\nonly-one\n", StandardCharsets.UTF_8);
            List<org.cryptosec.reader.model.SynonymProblem> problems = library.reloadSynonyms();
            assertEquals(List.of(ids[0]), ids(library, "honeypot"), "the edit applies at once");
            assertEquals(1, problems.size(), problems.toString());
            assertEquals(2, problems.get(0).line());
            assertEquals(1, library.synonymProblems());
            assertTrue(library.synonymWarnings().get(0).contains("line 2"), library.synonymWarnings().toString());
            Files.delete(file);
            assertEquals(List.of(), library.reloadSynonyms());
            assertEquals(List.of(), library.synonymWarnings(), "the warnings are those of the last reading");
            assertEquals(List.of(), ids(library, "honeypot"), "a removed group no longer applies");
        }
    }

    @Test
    void aSynonymFileThatIsNotTextIsIgnoredWithAWarningAndTheLibraryOpens() throws Exception {
        long[] ids = LibrarySearchTest.store(dir, "Noord-Korea steelt crypto", "nl", "Hackers uit Noord-Korea.");
        Files.write(Library.userSynonymsFile(dir), new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});
        try (Library library = Library.open(dir)) {
            assertEquals(1, library.synonymWarnings().size());
            assertTrue(library.synonymWarnings().get(0).contains("not UTF-8"), library.synonymWarnings().toString());
            assertEquals(List.of(ids[0]), ids(library, "North Korea"));
        }
    }

    private static List<Long> ids(Library library, String query) {
        return library.search(new SearchQuery(query, 10)).hits().stream().map(SearchHit::articleId).toList();
    }
}
