package org.cryptosec.reader.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.cryptosec.reader.testing.FixtureSite;
import org.cryptosec.reader.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code feeds list} shows paused feeds, {@code feeds retry} resumes them, {@code refresh --due}, {@code delete}. */
class FeedScheduleCommandsTest {

    private static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>Gone Soon</title><link>http://example.org/</link>
            <item><title>Only item</title><guid isPermaLink="false">only-1</guid>
            <description>A short text about a bridge exploit.</description></item>
            </channel></rss>""";

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CliContext context = new CliContext(org.cryptosec.reader.service.Library::open, dir, new PrintWriter(out),
                new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = dir.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.run(context, all);
    }

    @Test
    void aFeedThatIsGoneIsPausedWithItsReasonUntilTheUserRetriesIt() throws Exception {
        try (TestServer server = new TestServer()) {
            server.serve("/feed.xml", "application/rss+xml", FEED);
            assertEquals(0, run("feeds", "add", server.url("/feed.xml")), err.toString());
            assertEquals(0, run("refresh"), err.toString());

            server.route("/feed.xml", ex -> TestServer.send(ex, 410, "text/plain", "gone".getBytes(StandardCharsets.UTF_8)));
            assertEquals(Cli.EXIT_SOME_FEEDS_FAILED, run("refresh"));
            assertEquals(0, run("feeds", "list"));
            assertTrue(out.toString().contains("paused:"), out.toString());
            assertTrue(out.toString().contains("feeds retry 1"), out.toString());
            assertEquals(0, run("feeds", "list", "--json"));
            JsonNode feed = new ObjectMapper().readTree(out.toString()).get(0);
            assertFalse(feed.path("pausedReason").isNull(), out.toString());

            int hitsBefore = server.hits("/feed.xml");
            assertEquals(0, run("refresh", "--due"), err.toString());
            assertEquals(hitsBefore, server.hits("/feed.xml"), "a paused feed is not refreshed by schedule");

            server.serve("/feed.xml", "application/rss+xml", FEED);
            assertEquals(0, run("feeds", "retry", "1", "--json"), out.toString() + err);
            JsonNode retry = new ObjectMapper().readTree(out.toString());
            assertTrue(retry.path("wasPaused").asBoolean(), out.toString());
            assertEquals(0, run("feeds", "list", "--json"));
            assertTrue(new ObjectMapper().readTree(out.toString()).get(0).path("pausedReason").isNull(), out.toString());
        }
    }

    @Test
    void refreshDueTakesNoFeedIds() {
        assertEquals(2, run("refresh", "--due", "1"));
        assertTrue(err.toString().contains("--due"), err.toString());
    }

    @Test
    void aDeletedArticleStaysDeletedAfterTheNextRefreshAndAnUnknownIdFails() throws Exception {
        try (FixtureSite site = new FixtureSite()) {
            assertEquals(0, run("feeds", "add", site.url("/")), err.toString());
            assertEquals(0, run("refresh"), err.toString());
            assertEquals(0, run("search", "--json", "flash loan"));
            long id = new ObjectMapper().readTree(out.toString()).path("hits").get(0).path("id").asLong();

            assertEquals(0, run("delete", String.valueOf(id)), err.toString());
            assertTrue(out.toString().contains("Deleted article " + id), out.toString());
            assertEquals(0, run("refresh", "1"), err.toString());
            assertEquals(1, run("show", String.valueOf(id)), "the deleted article did not come back");
            assertEquals(1, run("delete", "999999"));
            assertTrue(err.toString().contains("No article with id 999999"), err.toString());
        }
    }
}
