package org.cryptosec.reader.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.cryptosec.reader.search.ArticleIndex;
import org.cryptosec.reader.search.OldIndexVersions;
import org.cryptosec.reader.task.Cancellation;
import org.cryptosec.reader.task.ProgressListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders of other index versions go once the current index is built; nothing else in the data folder does. */
class OldIndexVersionsTest {

    @TempDir
    Path dir;

    @Test
    void reconcilingAndReindexingRemoveOtherVersionFoldersOnly() throws Exception {
        Path root = Library.indexDir(dir).getParent();
        Path older = root.resolve("v" + (ArticleIndex.VERSION - 1));
        try (ArticleIndex old = ArticleIndex.open(older)) {
            old.commit(); // a real index of an earlier version, with its segment files
        }
        Files.writeString(Files.createDirectories(older.resolve("sub")).resolve("x"), "x");
        Path notes = Files.writeString(Files.createDirectories(root.resolve("notes")).resolve("keep.txt"), "mine");
        Path vfile = Files.writeString(root.resolve("v1"), "a file, not a folder");
        Path outside = Files.writeString(dir.resolve("elsewhere.txt"), "mine too");
        Path linkTarget = Files.writeString(Files.createDirectories(dir.resolve("target")).resolve("keep.txt"), "linked");
        Path link = Files.createSymbolicLink(root.resolve("v0"), linkTarget.getParent());

        try (Library library = Library.open(dir)) {
            assertFalse(Files.exists(older), "the earlier version's folder went at the reconcile of opening");
            assertTrue(Files.isDirectory(Library.indexDir(dir)));
            assertTrue(Files.exists(notes) && Files.exists(vfile) && Files.exists(outside));
            assertTrue(Files.isSymbolicLink(link) && Files.exists(linkTarget), "a link is neither followed nor removed");

            Path later = Files.createDirectories(root.resolve("v" + (ArticleIndex.VERSION + 1)));
            library.reindex(ProgressListener.NONE, new Cancellation());
            assertFalse(Files.exists(later), "reindex removes them too");
        }
        assertTrue(Files.isDirectory(Library.indexDir(dir)));
    }

    @Test
    void aVersionFolderInUseIsLeftForNextTime() throws Exception {
        Path root = Library.indexDir(dir).getParent();
        Path older = root.resolve("v" + (ArticleIndex.VERSION - 1));
        try (ArticleIndex inUse = ArticleIndex.open(older)) { // holds the folder's write lock
            assertEquals(List.of(), OldIndexVersions.remove(root));
            assertTrue(Files.isDirectory(older));
        }
        assertEquals(List.of(older), OldIndexVersions.remove(root));
        assertFalse(Files.exists(older));
        assertEquals(List.of(), OldIndexVersions.remove(dir.resolve("absent")), "no index folder: nothing to do");
    }
}
