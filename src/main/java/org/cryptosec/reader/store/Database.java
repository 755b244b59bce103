package org.cryptosec.reader.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The library's SQLite file: WAL, foreign keys, migrations by PRAGMA user_version. One writer:
 * callers on any thread are serialised. {@link #inTransaction} nests (inner calls join the outer one).
 *
 * <p>Nesting is done with savepoints: an inner call that throws undoes only its own work and rethrows;
 * if the outer caller catches that exception and goes on, everything else it did still commits.
 * Nothing is visible to other connections until the outermost call returns normally.
 *
 * <p>Instants are stored as epoch milliseconds (INTEGER), so they sort and compare in SQL.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** PRAGMA application_id of a Cryptosec Reader library ("CRYR"). */
    static final int APPLICATION_ID = 0x43525952;

    /** How long a statement waits for another process's lock before failing. */
    static final int BUSY_TIMEOUT_MILLIS = 10_000;

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock(true); // fair: a reader never waits behind a stream of page writers
    /** Transaction nesting depth of the thread holding {@link #lock}; 0 outside transactions. */
    private int depth;
    /** Set when SQLite aborted the open transaction itself: nothing more may run until it ends. */
    private boolean aborted;
    private volatile boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /**
     * Opens (creating when absent, with its parent folders) the library at {@code file} and brings its
     * schema up to date.
     *
     * @throws StoreException when the file cannot be opened, is not a SQLite database, belongs to
     *     another application, or was written by a newer version of the app
     */
    public static Database open(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("library database path is null");
        }
        Path absolute = file.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new StoreException("Cannot open library database " + absolute + ": it is a directory", null);
        }
        Path parent = absolute.getParent();
        if (parent != null) {
            try {
                Files.createDirectories(parent);
            } catch (IOException e) {
                throw new StoreException("Cannot create the folder " + parent + " for the library database: " + e, e);
            }
        }
        Connection connection;
        try {
            connection = connect(absolute);
        } catch (SQLException e) {
            throw openFailure(absolute, e);
        }
        Database db = new Database(absolute, connection);
        try {
            db.checkIdentity();
            db.migrate(Schema.MIGRATIONS);
            db.checkJournalMode();
        } catch (SQLException e) {
            db.closeQuietly();
            throw openFailure(absolute, e);
        } catch (RuntimeException e) {
            db.closeQuietly();
            throw e;
        }
        return db;
    }

    private static Connection connect(Path file) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setEncoding(SQLiteConfig.Encoding.UTF8);
        config.setCacheSize(-32_768); // KiB: 32 MiB of page cache keeps the list indexes in memory
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection connection = config.createConnection("jdbc:sqlite:" + file);
        try (Statement st = connection.createStatement()) {
            // Touch the file so that "not a database" shows up here rather than in the first query.
            st.execute("SELECT count(*) FROM sqlite_master");
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        return connection;
    }

    private static StoreException openFailure(Path file, SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            if (code == SQLiteErrorCode.SQLITE_NOTADB) {
                return new StoreException("Cannot open library database " + file
                        + ": the file is not a SQLite database (it is damaged or is some other kind of file)", e);
            }
            if (code == SQLiteErrorCode.SQLITE_CORRUPT) {
                return new StoreException("Cannot open library database " + file
                        + ": the database file is corrupt (" + e.getMessage() + ")", e);
            }
            if (code == SQLiteErrorCode.SQLITE_CANTOPEN || code == SQLiteErrorCode.SQLITE_READONLY
                    || code == SQLiteErrorCode.SQLITE_PERM) {
                return new StoreException("Cannot open library database " + file
                        + ": the file cannot be opened for writing (" + e.getMessage() + ")", e);
            }
        }
        return new StoreException("Cannot open library database " + file + ": " + e.getMessage(), e);
    }

    /** Refuses SQLite files that belong to some other application. */
    private void checkIdentity() throws SQLException {
        int applicationId = pragmaInt("application_id");
        int version = pragmaInt("user_version");
        if (applicationId != 0 && applicationId != APPLICATION_ID) {
            throw new StoreException("Cannot open library database " + file
                    + ": it is a SQLite database of another application (application_id "
                    + Integer.toHexString(applicationId) + ")", null);
        }
        if (applicationId == 0) {
            // Our migrations set application_id together with user_version, so an unmarked file is
            // ours only when it is still empty.
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")) {
                rs.next();
                if (rs.getInt(1) > 0 || version != 0) {
                    throw new StoreException("Cannot open library database " + file
                            + ": it is a SQLite database with other content, not a Cryptosec Reader library", null);
                }
            }
        }
    }

    private void checkJournalMode() throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
            String mode = rs.next() ? rs.getString(1) : null;
            if (!"wal".equalsIgnoreCase(mode)) {
                LOG.warn("Library database {} runs in journal mode {} instead of WAL (file system without shared memory?)",
                        file, mode);
            }
        }
    }

    /** Applies every migration step newer than the file's user_version, each in its own transaction. */
    void migrate(List<Migration> steps) throws SQLException {
        int current = pragmaInt("user_version");
        int latest = steps.isEmpty() ? 0 : steps.get(steps.size() - 1).version();
        if (current > latest) {
            throw new StoreException("Cannot open library database " + file
                    + ": the library was written by a newer version of Cryptosec Reader (schema version "
                    + current + ", this version knows up to " + latest
                    + "). Update the app, or use another data directory.", null);
        }
        for (Migration step : steps) {
            if (step.version() <= current) {
                continue;
            }
            LOG.info("Migrating library database {} to schema version {}: {}", file, step.version(), step.description());
            inTransaction(() -> {
                withConnection("migrate the library to schema version " + step.version(), c -> {
                    try (Statement st = c.createStatement()) {
                        for (String sql : step.statements()) {
                            st.execute(sql);
                        }
                        st.execute("PRAGMA application_id = " + APPLICATION_ID);
                        st.execute("PRAGMA user_version = " + step.version());
                    }
                    return null;
                });
            });
            current = step.version();
        }
    }

    /** The schema version stored in the file. */
    public int schemaVersion() {
        return withConnection("read the schema version", c -> pragmaInt("user_version"));
    }

    /** The newest schema version this build knows. */
    public static int latestSchemaVersion() {
        return Schema.MIGRATIONS.get(Schema.MIGRATIONS.size() - 1).version();
    }

    public Path file() {
        return file;
    }

    private int pragmaInt(String name) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /**
     * Runs {@code work} in a transaction: committed when it returns, rolled back when it throws (the
     * exception is rethrown as it is). Called inside another transaction, it joins that one through a
     * savepoint.
     */
    public <T> T inTransaction(Supplier<T> work) {
        if (work == null) {
            throw new IllegalArgumentException("transaction work is null");
        }
        lock.lock();
        try {
            ensureOpen();
            ensureNotAborted();
            int level = depth;
            String savepoint = "sp" + level;
            exec(level == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT " + savepoint,
                    level == 0 ? "begin a transaction" : "open a nested transaction");
            depth = level + 1;
            T result;
            try {
                result = work.get();
            } catch (Throwable t) {
                depth = level;
                rollback(level, savepoint, t);
                throw t;
            }
            depth = level;
            if (aborted) {
                StoreException e = new StoreException("The transaction was aborted by SQLite after an earlier error;"
                        + " nothing of it was stored", null);
                rollback(level, savepoint, e);
                throw e;
            }
            try {
                exec(level == 0 ? "COMMIT" : "RELEASE " + savepoint,
                        level == 0 ? "commit a transaction" : "release a nested transaction");
            } catch (StoreException e) {
                rollback(level, savepoint, e);
                throw e;
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    public void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    private void rollback(int level, String savepoint, Throwable cause) {
        try (Statement st = connection.createStatement()) {
            if (level == 0) {
                aborted = false;
                st.execute("ROLLBACK");
            } else {
                st.execute("ROLLBACK TO " + savepoint);
                st.execute("RELEASE " + savepoint);
            }
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage());
            if (level == 0 && message.contains("no transaction is active")) {
                return; // SQLite already rolled it back itself (e.g. after an I/O error)
            }
            if (level > 0) {
                // The savepoint is gone: SQLite rolled back the whole transaction. The outer levels must
                // not go on in auto-commit mode as if they were still inside it.
                aborted = true;
            }
            cause.addSuppressed(new StoreException("Could not roll back the transaction: " + message, e));
        }
    }

    private void ensureNotAborted() {
        if (aborted && depth > 0) {
            throw new StoreException("The transaction was aborted by SQLite after an earlier error;"
                    + " nothing of it was stored", null);
        }
    }

    private void exec(String sql, String what) {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + " in " + file + ": " + e.getMessage(), e);
        }
    }

    /** Work on the connection that may throw SQLException. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs {@code work} with the connection while holding the writer lock. SQLExceptions become a
     * StoreException saying "Could not {what}"; runtime exceptions pass as they are.
     */
    <T> T withConnection(String what, SqlWork<T> work) {
        lock.lock();
        try {
            ensureOpen();
            ensureNotAborted();
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Could not " + what + ": " + describe(e), e);
        } finally {
            lock.unlock();
        }
    }

    private static String describe(SQLException e) {
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_BUSY_SNAPSHOT) {
                return "the library is locked by another program (" + e.getMessage() + ")";
            }
            if (code == SQLiteErrorCode.SQLITE_FULL) {
                return "the disk is full (" + e.getMessage() + ")";
            }
        }
        return e.getMessage();
    }

    /** True when the current thread is inside {@link #inTransaction}. */
    boolean inTransactionNow() {
        return lock.isHeldByCurrentThread() && depth > 0;
    }

    private void ensureOpen() {
        if (closed) {
            throw new StoreException("The library database " + file + " is closed", null);
        }
    }

    /** Closes the connection (idempotent). Waits for a running transaction on another thread to end. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA optimize");
            } catch (SQLException e) {
                LOG.debug("PRAGMA optimize failed on close of {}", file, e);
            }
            try {
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("Could not close the library database " + file + ": " + e.getMessage(), e);
            }
        } finally {
            lock.unlock();
        }
    }

    private void closeQuietly() {
        try {
            closed = true;
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing {} after a failed open failed too", file, e);
        }
    }

    /** One schema step: the SQL that brings version-1 to {@code version}. */
    record Migration(int version, String description, List<String> statements) {
        Migration {
            statements = List.copyOf(statements);
        }
    }
}
