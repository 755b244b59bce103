package org.cryptosec.reader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.cryptosec.reader.model.FacetDimension;
import org.cryptosec.reader.model.FacetFilter;
import org.cryptosec.reader.model.SavedSearch;
import org.cryptosec.reader.model.SearchSort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Saved searches keep their facet filters and order (schema 4), and a library from before keeps its searches. */
class SavedSearchFiltersTest {

    private static final FacetFilter REKT = new FacetFilter(FacetDimension.SOURCE, "Rekt News");
    private static final FacetFilter DUTCH = new FacetFilter(FacetDimension.LANGUAGE, "nl");
    private static final FacetFilter Y2022 = new FacetFilter(FacetDimension.YEAR, "2022");
    private static final Instant T = Instant.parse("2024-03-01T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void filtersAndSortSurviveReopeningInTheOrderTheyWereChosen() {
        Path file = dir.resolve("library.db");
        SavedSearch saved;
        try (Database db = Database.open(file)) {
            saved = new SavedSearchRepository(db).add("Dutch rekt 2022", "bridge exploit", List.of(Y2022, REKT, DUTCH),
                    SearchSort.DATE, T);
            assertEquals(List.of(Y2022, REKT, DUTCH), saved.filters());
            assertEquals(SearchSort.DATE, saved.sort());
        }
        try (Database db = Database.open(file)) {
            SavedSearchRepository repo = new SavedSearchRepository(db);
            SavedSearch read = repo.get(saved.id()).orElseThrow();
            assertEquals(saved, read);
            assertEquals(List.of("year=2022", "source=Rekt News", "lang=nl"), read.filterTexts());
            assertEquals(List.of(saved), repo.list());
        }
    }

    @Test
    void aSearchOfOnlyFiltersNeedsNoQueryButOneWithNeitherIsRejected() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            SavedSearchRepository repo = new SavedSearchRepository(db);
            SavedSearch onlyFilters = repo.add("All of Rekt", "  ", List.of(REKT), null, T);
            assertEquals("", onlyFilters.query());
            assertEquals(SearchSort.RELEVANCE, onlyFilters.sort());
            assertEquals(onlyFilters, repo.get(onlyFilters.id()).orElseThrow());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> repo.add("Nothing", " ", List.of(), SearchSort.DATE, T));
            assertTrue(e.getMessage().contains("needs a query or a filter"), e.getMessage());
        }
    }

    @Test
    void repeatedFiltersAreStoredOnce() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            SavedSearchRepository repo = new SavedSearchRepository(db);
            SavedSearch s = repo.add("Rekt", "hack", List.of(REKT, DUTCH, new FacetFilter(FacetDimension.SOURCE, " Rekt News ")),
                    null, T);
            assertEquals(List.of(REKT, DUTCH), repo.get(s.id()).orElseThrow().filters());
        }
    }

    @Test
    void updateReplacesFiltersAndSortWhileTheOldUpdateKeepsThem() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            SavedSearchRepository repo = new SavedSearchRepository(db);
            SavedSearch s = repo.add("Rekt", "hack", List.of(REKT, DUTCH), SearchSort.DATE, T);
            assertTrue(repo.update(s.id(), "Rekt 2022", "exploit", List.of(Y2022), SearchSort.RELEVANCE));
            SavedSearch changed = repo.get(s.id()).orElseThrow();
            assertEquals(List.of(Y2022), changed.filters());
            assertEquals(SearchSort.RELEVANCE, changed.sort());
            assertEquals("exploit", changed.query());

            assertTrue(repo.update(s.id(), "Renamed", "heist"));
            SavedSearch renamed = repo.get(s.id()).orElseThrow();
            assertEquals("heist", renamed.query());
            assertEquals(List.of(Y2022), renamed.filters(), "renaming keeps the filters");

            assertFalse(repo.update(987, "Ghost", "x", List.of(REKT), SearchSort.DATE));
            assertFalse(repo.update(987, "Ghost", "x"));
        }
    }

    @Test
    void deletingASearchDeletesItsFilters() throws Exception {
        Path file = dir.resolve("library.db");
        try (Database db = Database.open(file)) {
            SavedSearchRepository repo = new SavedSearchRepository(db);
            SavedSearch s = repo.add("Rekt", "hack", List.of(REKT, DUTCH), SearchSort.DATE, T);
            assertTrue(repo.delete(s.id()));
        }
        assertEquals(0, count(file, "SELECT count(*) FROM saved_search_filters"));
    }

    @Test
    void aQueryWithLineBreaksIsSavedOnOneLineAndOneWithOtherControlCharactersIsRefused() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            SavedSearchRepository repo = new SavedSearchRepository(db);
            SavedSearch s = repo.add("Pasted", "north korea\r\n\tbridge\nhack\n", List.of(), null, T);
            assertEquals("north korea bridge hack", s.query());
            assertEquals("north korea bridge hack", repo.get(s.id()).orElseThrow().query());
            assertTrue(repo.update(s.id(), "Pasted", "lazarus\ngroup"));
            assertEquals("lazarus group", repo.get(s.id()).orElseThrow().query());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> repo.add("Escape", "hack \u001b[31m red", List.of(), null, T));
            assertTrue(e.getMessage().contains("query cannot contain control characters"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> repo.update(s.id(), "Pasted", "hack\u0000"));
            assertEquals("lazarus group", repo.get(s.id()).orElseThrow().query(), "unchanged by the refused update");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a value with a line break    | line break",
        "a value of 201 characters    | more than 200 characters",
        "33 filters                   | at most 32 filters",
        "year=22                      | is a year such as 2022, not '22'",
        "month=2022-13                | is a month such as 2022-03, not '2022-13'",
    })
    void unusableFiltersAreRejectedWithTheReason(String what, String message) {
        List<FacetFilter> filters = new ArrayList<>();
        if (what.contains("line break")) {
            filters.add(new FacetFilter(FacetDimension.TAG, "defi\nhack"));
        } else if (what.contains("201")) {
            filters.add(new FacetFilter(FacetDimension.AUTHOR, "x".repeat(201)));
        } else if (what.contains("=")) {
            filters.add(FacetFilter.parse(what));
        } else {
            for (int i = 0; i < 33; i++) {
                filters.add(new FacetFilter(FacetDimension.TAG, "tag" + i));
            }
        }
        try (Database db = Database.open(dir.resolve("library.db"))) {
            SavedSearchRepository repo = new SavedSearchRepository(db);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> repo.add("Bad", "hack", filters, null, T));
            assertTrue(e.getMessage().contains(message), e.getMessage());
            assertTrue(repo.list().isEmpty(), "nothing half-saved");
        }
    }

    @Test
    void aFilterOrSortThatCannotBeReadIsSkippedAndTheRestOfTheSearchStillWorks() throws Exception {
        Path file = dir.resolve("library.db");
        long id;
        try (Database db = Database.open(file)) {
            id = new SavedSearchRepository(db).add("Rekt", "hack", List.of(REKT), SearchSort.DATE, T).id();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("INSERT INTO saved_search_filters VALUES (" + id + ", 5, 'colour', 'blue')");
            st.execute("UPDATE saved_searches SET sort = 'sideways'");
        }
        try (Database db = Database.open(file)) {
            SavedSearch read = new SavedSearchRepository(db).get(id).orElseThrow();
            assertEquals(List.of(REKT), read.filters());
            assertEquals(SearchSort.RELEVANCE, read.sort());
        }
    }

    @Test
    void aLibraryOfSchema3MigratesWithItsSavedSearchesIntact() throws Exception {
        Path file = dir.resolve("library.db");
        // A library as the previous release left it: schema steps 1-3, two saved searches.
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            for (Database.Migration step : Schema.MIGRATIONS.subList(0, 3)) {
                for (String sql : step.statements()) {
                    st.execute(sql);
                }
            }
            st.execute("PRAGMA application_id = " + Database.APPLICATION_ID);
            st.execute("PRAGMA user_version = 3");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO saved_searches (name, query, created) VALUES (?, ?, ?)")) {
                for (String[] row : new String[][] {{"DPRK", "North Korea hack"}, {"bridges", "bridge exploit after:2022"}}) {
                    ps.setString(1, row[0]);
                    ps.setString(2, row[1]);
                    ps.setLong(3, T.toEpochMilli());
                    ps.executeUpdate();
                }
            }
        }
        try (Database db = Database.open(file)) {
            assertEquals(4, db.schemaVersion());
            SavedSearchRepository repo = new SavedSearchRepository(db);
            List<SavedSearch> all = repo.list();
            assertEquals(List.of("bridges", "DPRK"), all.stream().map(SavedSearch::name).toList());
            assertEquals(List.of("bridge exploit after:2022", "North Korea hack"), all.stream().map(SavedSearch::query).toList());
            for (SavedSearch s : all) {
                assertEquals(List.of(), s.filters());
                assertEquals(SearchSort.RELEVANCE, s.sort());
                assertEquals(T, s.created());
            }
            // and the migrated searches take filters like new ones
            long dprk = repo.findByName("dprk").orElseThrow().id();
            assertTrue(repo.update(dprk, "DPRK", "North Korea hack", List.of(DUTCH), SearchSort.DATE));
            assertEquals(List.of(DUTCH), repo.get(dprk).orElseThrow().filters());
        }
    }

    @Test
    void theOldConstructorMeansNoFiltersAndBestMatchFirst() {
        SavedSearch s = new SavedSearch(7, "Hacks", "hack", T);
        assertEquals(Collections.emptyList(), s.filters());
        assertEquals(SearchSort.RELEVANCE, s.sort());
        assertEquals(new SavedSearch(7, "Hacks", "hack", List.of(), SearchSort.RELEVANCE, T), s);
    }

    private static long count(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
