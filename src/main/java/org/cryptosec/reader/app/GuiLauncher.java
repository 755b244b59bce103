package org.cryptosec.reader.app;

import java.nio.file.Path;
import java.util.Arrays;
import org.cryptosec.reader.cli.Cli;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.task.TaskExecutor;
import org.cryptosec.reader.ui.MainApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the window on the library in {@code dataDir}; returns the exit code once it is closed. */
final class GuiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);
    /** Background threads of the window: refreshes, searches, page loads. */
    static final int WORKERS = 4;

    private GuiLauncher() {
    }

    static int launch(Path dataDir, String[] args) {
        String[] fxArgs = Arrays.stream(args)
                .filter(a -> a.startsWith("--theme="))
                .toArray(String[]::new);
        try (Library library = Library.open(dataDir); TaskExecutor workers = new PooledTaskExecutor(WORKERS)) {
            MainApplication.launch(library, workers, fxArgs);
            return 0;
        } catch (LibraryException e) {
            LOG.error("Cannot open the window", e);
            Cli.printError(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            LOG.error("The window failed", e);
            Cli.printError("the window could not start: " + e);
            return 1;
        }
    }
}
