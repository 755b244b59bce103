package org.cryptosec.reader.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's contract with scripts: exit codes and one-line errors without stack traces. */
class CliExitCodeTest {

    @TempDir
    Path dataDir;

    @Test
    void anUnknownCommandIsBadUsage() {
        CliRunner.Result r = new CliRunner(dataDir).run("frobnicate");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("frobnicate"), r.err());
    }

    @Test
    void aMissingArticleIsAOneLineFailureWithoutStackTrace() {
        CliRunner.Result r = new CliRunner(dataDir).run("show", "999");
        assertEquals(1, r.code());
        assertEquals("error: No article with id 999", r.err().strip());
        assertFalse(r.err().contains("at org."), r.err());
    }

    @Test
    void aNonNumericIdIsBadUsage() {
        assertEquals(2, new CliRunner(dataDir).run("show", "abc").code());
    }

    @Test
    void anEmptyLibraryListsNoFeedsAsJson() {
        CliRunner.Result r = new CliRunner(dataDir).run("feeds", "list", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(0, r.json().size());
    }

    @Test
    void subscribingToANonExistentHostFailsWithItsReason() {
        CliRunner.Result r = new CliRunner(dataDir).run("feeds", "add", "http://127.0.0.1:1/");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }
}
