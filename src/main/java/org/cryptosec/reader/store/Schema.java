package org.cryptosec.reader.store;

import java.util.List;
import org.cryptosec.reader.store.Database.Migration;

/**
 * The library schema as a list of migration steps, oldest first. Never edit a released step: add a
 * new one. Instants are epoch milliseconds (INTEGER); booleans are 0/1.
 *
 * <p>In {@code articles} the large columns (text, html, original_html) come last, so reading the
 * small ones (and the excerpt from {@code text}) does not walk the overflow pages of the others.
 */
final class Schema {

    private Schema() {
    }

    static final List<Migration> MIGRATIONS = List.of(
            new Migration(1, "initial schema", List.of(
                    """
                    CREATE TABLE feeds (
                        id            INTEGER PRIMARY KEY,
                        url           TEXT    NOT NULL UNIQUE,
                        title         TEXT,
                        site_url      TEXT,
                        category      TEXT,
                        etag          TEXT,
                        last_modified TEXT,
                        last_fetched  INTEGER,
                        last_error    TEXT,
                        error_count   INTEGER NOT NULL DEFAULT 0,
                        next_fetch    INTEGER,
                        created       INTEGER NOT NULL
                    )""",
                    "CREATE INDEX feeds_next_fetch ON feeds(next_fetch)",
                    """
                    CREATE TABLE articles (
                        id              INTEGER PRIMARY KEY,
                        feed_id         INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
                        guid            TEXT,
                        url             TEXT,
                        title           TEXT,
                        source          TEXT,
                        published       INTEGER,
                        fetched         INTEGER NOT NULL,
                        lang            TEXT,
                        reading_minutes INTEGER NOT NULL DEFAULT 0,
                        lead_image_url  TEXT,
                        tags            TEXT, -- one tag per line
                        content_hash    TEXT,
                        text            TEXT,
                        html            TEXT,
                        original_html   TEXT,
                        UNIQUE (feed_id, guid)
                    )""",
                    "CREATE INDEX articles_url ON articles(url)",
                    "CREATE INDEX articles_content_hash ON articles(content_hash)",
                    // The list order is COALESCE(published, fetched) DESC, id DESC: these expression
                    // indexes let SQLite walk it without sorting, for all feeds and for one feed.
                    "CREATE INDEX articles_newest ON articles(COALESCE(published, fetched), id)",
                    "CREATE INDEX articles_feed_newest ON articles(feed_id, COALESCE(published, fetched), id)",
                    "CREATE INDEX articles_published ON articles(published)",
                    """
                    CREATE TABLE authors (
                        id         INTEGER PRIMARY KEY,
                        name       TEXT NOT NULL,
                        name_key   TEXT NOT NULL,
                        bio        TEXT,
                        url        TEXT,
                        avatar_url TEXT
                    )""",
                    "CREATE INDEX authors_name_key ON authors(name_key)",
                    "CREATE INDEX authors_url ON authors(url)",
                    """
                    CREATE TABLE article_authors (
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        author_id  INTEGER NOT NULL REFERENCES authors(id),
                        position   INTEGER NOT NULL,
                        PRIMARY KEY (article_id, author_id)
                    ) WITHOUT ROWID""",
                    "CREATE INDEX article_authors_author ON article_authors(author_id, article_id)",
                    """
                    CREATE TABLE article_state (
                        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
                        read       INTEGER NOT NULL DEFAULT 0,
                        starred    INTEGER NOT NULL DEFAULT 0,
                        read_at    INTEGER
                    )""",
                    "CREATE INDEX article_state_unread ON article_state(article_id) WHERE read = 0",
                    "CREATE INDEX article_state_starred ON article_state(article_id) WHERE starred = 1",
                    """
                    CREATE TABLE images (
                        url          TEXT PRIMARY KEY,
                        content_type TEXT,
                        bytes        BLOB NOT NULL,
                        fetched      INTEGER NOT NULL
                    )""",
                    """
                    CREATE TABLE article_images (
                        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
                        url        TEXT    NOT NULL,
                        PRIMARY KEY (article_id, url)
                    )""",
                    "CREATE INDEX article_images_url ON article_images(url)",
                    """
                    CREATE TABLE saved_searches (
                        id      INTEGER PRIMARY KEY,
                        name    TEXT    NOT NULL,
                        query   TEXT    NOT NULL,
                        created INTEGER NOT NULL
                    )""")),
            new Migration(2, "paused feeds and tombstones of deleted articles", List.of(
                    // why a feed stopped being refreshed on schedule (null: it is not paused)
                    "ALTER TABLE feeds ADD COLUMN paused_reason TEXT",
                    // how often the feed says it changes (RSS ttl, sy:updatePeriod), milliseconds; null: unknown
                    "ALTER TABLE feeds ADD COLUMN update_interval INTEGER",
                    """
                    CREATE TABLE tombstones (
                        id           INTEGER PRIMARY KEY,
                        feed_id      INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
                        guid         TEXT,
                        url          TEXT,
                        content_hash TEXT,
                        deleted      INTEGER NOT NULL
                    )""",
                    "CREATE INDEX tombstones_guid ON tombstones(feed_id, guid)",
                    "CREATE INDEX tombstones_url ON tombstones(url)",
                    "CREATE INDEX tombstones_content_hash ON tombstones(content_hash)")),
            new Migration(3, "consecutive 404s of a feed", List.of(
                    // 404 answers in a row (other failures reset it): three pause the feed
                    "ALTER TABLE feeds ADD COLUMN not_found_count INTEGER NOT NULL DEFAULT 0")),
            new Migration(4, "filters and order of saved searches", List.of(
                    // order of the hits: 'relevance' or 'date' (searches saved before keep best match first)
                    "ALTER TABLE saved_searches ADD COLUMN sort TEXT NOT NULL DEFAULT 'relevance'",
                    // facet filters of a saved search, in the order they were chosen; dimension is the
                    // facet's short key (source, author, lang, tag, year, month)
                    """
                    CREATE TABLE saved_search_filters (
                        saved_search_id INTEGER NOT NULL REFERENCES saved_searches(id) ON DELETE CASCADE,
                        position        INTEGER NOT NULL,
                        dimension       TEXT    NOT NULL,
                        value           TEXT    NOT NULL,
                        PRIMARY KEY (saved_search_id, position)
                    ) WITHOUT ROWID""")));
}
