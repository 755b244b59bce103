package org.cryptosec.reader.search;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index folders of earlier (or later) index versions beside the current one ({@code index/v3} beside
 * {@code index/v4}): nothing reads them any more once the current index is built, and at 100,000 articles each
 * holds about 1 GB. Only folders named {@code v<number>} go; one whose write lock another process holds (an
 * older app still running on it) is left for the next time.
 */
public final class OldIndexVersions {

    private static final Logger LOG = LoggerFactory.getLogger(OldIndexVersions.class);
    private static final Pattern VERSION_FOLDER = Pattern.compile("v\\d{1,9}");

    private OldIndexVersions() {
    }

    /** Removes the other version folders of {@code indexRoot} (the parent of the current version's folder); returns them. */
    public static List<Path> remove(Path indexRoot) {
        List<Path> removed = new ArrayList<>();
        if (!Files.isDirectory(indexRoot, LinkOption.NOFOLLOW_LINKS)) {
            return removed;
        }
        String current = "v" + ArticleIndex.VERSION;
        try (DirectoryStream<Path> children = Files.newDirectoryStream(indexRoot)) {
            for (Path child : children) {
                String name = child.getFileName().toString();
                if (name.equals(current) || !VERSION_FOLDER.matcher(name).matches()
                        || !Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                if (removeUnlocked(child)) {
                    removed.add(child);
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not list the index folders in {}: {}", indexRoot, e.getMessage());
        }
        return removed;
    }

    private static boolean removeUnlocked(Path folder) {
        try (Directory dir = FSDirectory.open(folder); Lock lock = dir.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
            for (String file : dir.listAll()) {
                if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                    deleteTree(folder.resolve(file));
                }
            }
        } catch (LockObtainFailedException e) {
            LOG.info("Index folder {} is in use by another process; left for now", folder);
            return false;
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not remove the old index folder {}: {}", folder, e.getMessage());
            return false;
        }
        try {
            deleteTree(folder); // the lock file, released now, and the folder
            LOG.info("Removed the index folder of another index version: {}", folder);
            return true;
        } catch (IOException e) {
            LOG.warn("Could not remove the old index folder {}: {}", folder, e.getMessage());
            return false;
        }
    }

    /** Deletes a file or a folder with its contents, never following links out of it. */
    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
