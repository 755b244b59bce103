package org.cryptosec.reader.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.cryptosec.reader.cli.Cli;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.service.LibraryException;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.cryptosec.reader.task.TaskExecutor;
import org.cryptosec.reader.ui.MainApplication;
import org.cryptosec.reader.ui.main.StartupReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens the window on the library in {@code dataDir}; returns the exit code once it is closed. */
final class GuiLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(GuiLauncher.class);
    /** Background threads of the window: refreshes, searches, page loads. */
    static final int WORKERS = 4;
    /** Opens the window, prints how fast the list and the first article appeared, and exits. */
    static final String STARTUP_REPORT = "--startup-report";

    private GuiLauncher() {
    }

    /**
     * Opens the library on its own thread while JavaFX starts (the two take about as long), then
     * shows the window; closes both when the window is closed.
     */
    static int launch(Path dataDir, String[] args) {
        String[] fxArgs = Arrays.stream(args)
                .filter(a -> a.startsWith("--theme=") || a.startsWith("--lang=") || a.equals(STARTUP_REPORT))
                .toArray(String[]::new);
        boolean report = Arrays.asList(args).contains(STARTUP_REPORT);
        org.cryptosec.reader.ui.StartupPhases.mark("logging-configured");
        CompletableFuture<Library> opening = new CompletableFuture<>();
        Thread opener = new Thread(() -> {
            try {
                Library library = Library.openWithoutReconcile(dataDir); // the window checks the index after it shows
                org.cryptosec.reader.ui.StartupPhases.mark("library-opened");
                opening.complete(library);
                LOG.info("Library opened ({} ms after JVM start)", org.cryptosec.reader.ui.StartupPhases.sinceJvmStart());
            } catch (LibraryException | RuntimeException e) {
                opening.completeExceptionally(e);
            }
        }, "library-open");
        opener.setDaemon(true);
        opener.start();
        try (TaskExecutor workers = new PooledTaskExecutor(WORKERS)) {
            MainApplication.launch(opening, workers, fxArgs, Cli::printLine);
            Library library = opened(opening);
            if (library == null) {
                return 1;
            }
            library.close();
            if (report) {
                StartupReport.Result result = MainApplication.lastStartupReport();
                return result != null && result.ok() ? 0 : 1;
            }
            return 0;
        } catch (RuntimeException e) {
            LOG.error("The window failed", e);
            Cli.printError("the window could not start: " + e);
            Library library = opened(opening);
            if (library != null) {
                library.close();
            }
            return 1;
        }
    }

    /** The library, or null after printing why it could not be opened. */
    private static Library opened(CompletableFuture<Library> opening) {
        try {
            return opening.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            LOG.error("Cannot open the window", cause);
            Cli.printError(cause instanceof LibraryException ? cause.getMessage() : String.valueOf(cause));
            return null;
        }
    }
}
