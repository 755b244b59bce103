package org.cryptosec.reader.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.cryptosec.reader.model.Feed;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseTest {

    @TempDir
    Path dir;

    private static String text(Database db, String sql) {
        return db.withConnection("test query", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private static List<String> tables(Database db) {
        return db.withConnection("list tables", c -> {
            List<String> names = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            return names;
        });
    }

    @Test
    void openingAMissingFileCreatesParentFoldersAndTheWholeSchema() {
        Path file = dir.resolve("a/b/library.db");
        try (Database db = Database.open(file)) {
            assertTrue(Files.isRegularFile(file));
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
            assertEquals(List.of("article_authors", "article_images", "article_state", "articles", "authors",
                    "feeds", "images", "saved_search_filters", "saved_searches", "tombstones"), tables(db));
        }
    }

    @Test
    void connectionRunsInWalWithForeignKeysBusyTimeoutAndNormalSync() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            assertEquals("wal", text(db, "PRAGMA journal_mode"));
            assertEquals("1", text(db, "PRAGMA foreign_keys"));
            assertEquals("1", text(db, "PRAGMA synchronous"), "NORMAL is 1");
            assertEquals(String.valueOf(Database.BUSY_TIMEOUT_MILLIS), text(db, "PRAGMA busy_timeout"));
            assertEquals(String.valueOf(Database.APPLICATION_ID), text(db, "PRAGMA application_id"));
        }
    }

    @Test
    void reopeningKeepsCommittedDataAndDoesNotMigrateAgain() {
        Path file = dir.resolve("library.db");
        try (Database db = Database.open(file)) {
            new FeedRepository(db).add(Feed.newFeed("https://a.example/feed", "A", null, null));
        }
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
            assertEquals(List.of("https://a.example/feed"),
                    new FeedRepository(db).list().stream().map(Feed::url).toList());
        }
    }

    @Test
    void migrationStepsAreNumberedOneToNWithoutGaps() {
        // a gap would let a later step with the missing number be skipped on libraries already past it
        for (int i = 0; i < Schema.MIGRATIONS.size(); i++) {
            assertEquals(i + 1, Schema.MIGRATIONS.get(i).version(), "migration step " + i);
        }
    }

    @Test
    void migrationStepsRunInOrderEachInItsOwnTransactionAndAFailedStepLeavesThePreviousVersion() throws Exception {
        Path file = dir.resolve("library.db");
        try (Database db = Database.open(file)) {
            List<Database.Migration> steps = new ArrayList<>(Schema.MIGRATIONS);
            int latest = Database.latestSchemaVersion();
            steps.add(new Database.Migration(latest + 1, "add notes", List.of("CREATE TABLE notes (id INTEGER PRIMARY KEY)")));
            steps.add(new Database.Migration(latest + 2, "broken", List.of(
                    "CREATE TABLE half_done (id INTEGER)", "THIS IS NOT SQL")));
            StoreException e = assertThrows(StoreException.class, () -> db.migrate(steps));
            assertTrue(e.getMessage().contains("schema version " + (latest + 2)), e.getMessage());
            assertEquals(latest + 1, db.schemaVersion());
            assertTrue(tables(db).contains("notes"));
            assertFalse(tables(db).contains("half_done"), "the failed step is rolled back whole");
        }
    }

    @Test
    void aLibraryWrittenByANewerVersionIsRefusedWithAClearMessage() throws Exception {
        Path file = dir.resolve("library.db");
        try (Database db = Database.open(file)) {
            db.withConnection("bump version", c -> {
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA user_version = 99");
                }
                return null;
            });
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("library was written by a newer version"), e.getMessage());
        assertTrue(e.getMessage().contains("99"), e.getMessage());
        // The refused file is left as it was.
        assertTrue(Files.size(file) > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "random"})
    void aFileThatIsNotASqliteDatabaseIsRefusedWithAClearMessage(String kind) throws IOException {
        Path file = dir.resolve("library.db");
        byte[] content;
        if (kind.equals("text")) {
            content = "This is my shopping list, not a database.\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        } else {
            content = new byte[8192];
            new Random(42).nextBytes(content);
        }
        Files.write(file, content);
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertTrue(e.getMessage().contains(file.getFileName().toString()), e.getMessage());
    }

    @Test
    void aSqliteDatabaseOfAnotherApplicationIsRefusedNotMigrated() throws Exception {
        Path file = dir.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE feeds (whatever TEXT)");
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("not a Cryptosec Reader library"), e.getMessage());
    }

    @Test
    void anEmptySqliteFileWithAnotherApplicationsVersionIsRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = 1");
        }
        StoreException e = assertThrows(StoreException.class, () -> Database.open(file));
        assertTrue(e.getMessage().contains("not a Cryptosec Reader library"), e.getMessage());
    }

    @Test
    void anEmptyFileBecomesANewLibrary() throws IOException {
        Path file = dir.resolve("library.db");
        Files.createFile(file);
        try (Database db = Database.open(file)) {
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"middle", "truncated"})
    void aDamagedLibraryFailsWithStoreExceptionsNeverOtherErrors(String damage) throws IOException {
        Path file = dir.resolve("library.db");
        try (Database db = Database.open(file)) {
            long feed = new FeedRepository(db).add(Feed.newFeed("https://a.example/feed", "A", null, null)).id();
            ArticleRepository articles = new ArticleRepository(db);
            db.inTransaction(() -> {
                for (int i = 0; i < 2_000; i++) {
                    articles.insert(Fixtures.article(feed, "g" + i, Fixtures.T0.plusSeconds(i)), "<html>" + i + "</html>", "h" + i);
                }
            });
        }
        byte[] bytes = Files.readAllBytes(file);
        if (damage.equals("middle")) {
            Random random = new Random(1);
            for (int i = bytes.length / 3; i < bytes.length * 2 / 3; i++) {
                bytes[i] = (byte) random.nextInt();
            }
            Files.write(file, bytes);
        } else {
            Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        }
        try (Database db = Database.open(file)) {
            ArticleRepository articles = new ArticleRepository(db);
            StoreException e = assertThrows(StoreException.class, () -> {
                articles.forEach(a -> { });
                articles.list(org.cryptosec.reader.model.ArticleFilter.ALL, 1_000, 500);
                articles.summaries(articles.allIds());
                new FeedRepository(db).unreadCounts();
            });
            assertTrue(e.getMessage().startsWith("Could not "), e.getMessage());
        } catch (StoreException refusedAtOpen) {
            assertTrue(refusedAtOpen.getMessage().contains(file.toString()), refusedAtOpen.getMessage());
        }
    }

    @Test
    void aDirectoryIsRefused() {
        StoreException e = assertThrows(StoreException.class, () -> Database.open(dir));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void anExceptionRollsBackTheTransactionAndIsRethrownAsItIs() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            IllegalStateException boom = new IllegalStateException("boom");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
                feeds.add(Feed.newFeed("https://lost.example/feed", null, null, null));
                throw boom;
            }));
            assertSame(boom, thrown);
            assertTrue(feeds.list().isEmpty());
        }
    }

    @Test
    void aFailedInnerTransactionUndoesOnlyItsOwnWorkAndLosesNothingCommittedBefore() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            feeds.add(Feed.newFeed("https://committed.example/feed", null, null, null));
            db.inTransaction(() -> {
                feeds.add(Feed.newFeed("https://outer.example/feed", null, null, null));
                assertThrows(IllegalArgumentException.class, () -> db.inTransaction(() -> {
                    feeds.add(Feed.newFeed("https://inner.example/feed", null, null, null));
                    throw new IllegalArgumentException("inner fails");
                }));
                assertTrue(db.inTransactionNow());
            });
            assertEquals(List.of("https://committed.example/feed", "https://outer.example/feed"),
                    feeds.list().stream().map(Feed::url).sorted().toList());
        }
    }

    @Test
    void whenSqliteAbortsTheWholeTransactionTheOuterWorkCannotGoOnInAutoCommit() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            feeds.add(Feed.newFeed("https://committed.example/feed", null, null, null));
            StoreException e = assertThrows(StoreException.class, () -> db.inTransaction(() -> {
                feeds.add(Feed.newFeed("https://outer.example/feed", null, null, null));
                assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
                    // What SQLite does itself after some I/O errors: the whole transaction is gone.
                    db.withConnection("abort", c -> c.createStatement().execute("ROLLBACK"));
                    throw new IllegalStateException("disk trouble");
                }));
                feeds.add(Feed.newFeed("https://after.example/feed", null, null, null));
            }));
            assertTrue(e.getMessage().contains("aborted"), e.getMessage());
            assertFalse(db.inTransactionNow());
            assertEquals(List.of("https://committed.example/feed"), feeds.list().stream().map(Feed::url).toList());
            feeds.add(Feed.newFeed("https://later.example/feed", null, null, null));
            assertEquals(2, feeds.list().size(), "the database works normally afterwards");
        }
    }

    @Test
    void anOuterFailureRollsBackWorkOfInnerTransactionsThatSucceeded() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            feeds.add(Feed.newFeed("https://committed.example/feed", null, null, null));
            assertThrows(IllegalStateException.class, () -> db.inTransaction(() -> {
                db.inTransaction(() -> {
                    feeds.add(Feed.newFeed("https://inner.example/feed", null, null, null));
                });
                throw new IllegalStateException("outer fails");
            }));
            assertEquals(List.of("https://committed.example/feed"), feeds.list().stream().map(Feed::url).toList());
            assertFalse(db.inTransactionNow());
        }
    }

    @Test
    void aSqlErrorBecomesAStoreExceptionSayingWhatWasBeingDone() {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            StoreException e = assertThrows(StoreException.class, () -> db.withConnection("frobnicate the widgets",
                    c -> {
                        try (Statement st = c.createStatement()) {
                            st.execute("SELECT * FROM no_such_table");
                        }
                        return null;
                    }));
            assertTrue(e.getMessage().startsWith("Could not frobnicate the widgets"), e.getMessage());
            assertTrue(e.getCause() instanceof SQLException);
            // The connection is still usable afterwards.
            assertEquals(Database.latestSchemaVersion(), db.schemaVersion());
        }
    }

    @Test
    void otherThreadsWaitForARunningTransaction() throws Exception {
        try (Database db = Database.open(dir.resolve("library.db"))) {
            FeedRepository feeds = new FeedRepository(db);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<Integer> seenByOther = new AtomicReference<>();
            Thread writer = new Thread(() -> db.inTransaction(() -> {
                feeds.add(Feed.newFeed("https://one.example/feed", null, null, null));
                inside.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                feeds.add(Feed.newFeed("https://two.example/feed", null, null, null));
            }));
            writer.start();
            assertTrue(inside.await(5, TimeUnit.SECONDS));
            Thread reader = new Thread(() -> seenByOther.set(feeds.list().size()));
            reader.start();
            reader.join(200);
            assertTrue(reader.isAlive(), "the reader waits while the transaction runs");
            release.countDown();
            writer.join(5000);
            reader.join(5000);
            assertEquals(2, seenByOther.get(), "the reader sees the whole transaction, never half of it");
        }
    }

    @Test
    void aClosedDatabaseRefusesWorkClearlyAndClosingTwiceIsHarmless() {
        Database db = Database.open(dir.resolve("library.db"));
        db.close();
        db.close();
        StoreException e = assertThrows(StoreException.class, () -> new FeedRepository(db).list());
        assertTrue(e.getMessage().contains("is closed"), e.getMessage());
    }
}
