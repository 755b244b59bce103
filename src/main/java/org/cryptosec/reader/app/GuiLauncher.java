package org.cryptosec.reader.app;

import java.nio.file.Path;
import java.util.Arrays;
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

    static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    static int launch(Path dataDir, String[] args) {
        String[] fxArgs = Arrays.stream(args)
                .filter(a -> a.startsWith("--theme=") || a.startsWith("--lang=") || a.equals(STARTUP_REPORT))
                .toArray(String[]::new);
        boolean report = Arrays.asList(args).contains(STARTUP_REPORT);
        try (Library library = Library.open(dataDir); TaskExecutor workers = new PooledTaskExecutor(WORKERS)) {
            LOG.info("Library opened ({} ms after JVM start)", uptime());
            MainApplication.launch(library, workers, fxArgs, Cli::printLine);
            if (report) {
                StartupReport.Result result = MainApplication.lastStartupReport();
                return result != null && result.ok() ? 0 : 1;
            }
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
