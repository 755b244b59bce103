package org.cryptosec.reader.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.TaskExecutor;
import org.cryptosec.reader.ui.main.MainViewModel;
import org.cryptosec.reader.ui.main.MainWindow;
import org.cryptosec.reader.ui.main.StartupReport;
import org.cryptosec.reader.ui.prefs.PreferencesViewModel;
import org.cryptosec.reader.ui.prefs.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window. The composition root builds the {@link Library} and the worker pool and calls
 * {@link #launch(Library, TaskExecutor, String[])}; JavaFX then creates this class and calls
 * {@link #start(Stage)}. The caller keeps ownership of the library and the pool and closes them
 * after {@code launch} returns (when the window is closed). Preferences and the window's place
 * are kept in {@code <data dir>/settings.properties}.
 */
public final class MainApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(MainApplication.class);
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    /** What the composition root hands over before the toolkit starts. */
    public record Services(Library library, TaskExecutor workers, Consumer<String> reportPrinter) {
        public Services {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(workers, "workers");
            reportPrinter = reportPrinter == null ? line -> LOG.info("{}", line) : reportPrinter;
        }

        public Services(Library library, TaskExecutor workers) {
            this(library, workers, null);
        }
    }

    private static final AtomicReference<Services> SERVICES = new AtomicReference<>();
    /** The library still being opened by the caller while the toolkit starts, when launched that way. */
    private static final AtomicReference<java.util.concurrent.Future<Library>> OPENING = new AtomicReference<>();
    private static final AtomicReference<StartupReport.Result> LAST_REPORT = new AtomicReference<>();

    private FxTaskExecutor tasks;
    private Settings settings;
    private Path settingsFile;
    private MainWindow window;
    private MainViewModel model;
    private Stage stage;
    /** The background refresh schedule's loop (the refreshes themselves run on the library's pool). */
    private org.cryptosec.reader.task.TaskExecutor schedule;

    /**
     * Opens the window and blocks until it is closed. Call once per process, from the main thread.
     * {@code args} may hold {@code --theme=dark|light}, {@code --lang=en|nl} and {@code --startup-report}.
     */
    public static void launch(Library library, TaskExecutor workers, String[] args) {
        launch(library, workers, args, null);
    }

    /** As {@link #launch(Library, TaskExecutor, String[])}; {@code reportPrinter} prints the startup report. */
    public static void launch(Library library, TaskExecutor workers, String[] args, Consumer<String> reportPrinter) {
        SERVICES.set(new Services(library, workers, reportPrinter));
        Application.launch(MainApplication.class, args == null ? new String[0] : args);
    }

    /**
     * As {@link #launch(Library, TaskExecutor, String[], Consumer)}, with the library still being
     * opened on another thread: the window waits for it once the toolkit is up. When it fails, the
     * window is not shown and this returns (the caller reports the failure from the future).
     */
    public static void launch(java.util.concurrent.Future<Library> library, TaskExecutor workers, String[] args,
            Consumer<String> reportPrinter) {
        OPENING.set(Objects.requireNonNull(library, "library"));
        SERVICES.set(null);
        PENDING_WORKERS.set(workers);
        PENDING_PRINTER.set(reportPrinter);
        Application.launch(MainApplication.class, args == null ? new String[0] : args);
    }

    private static final AtomicReference<TaskExecutor> PENDING_WORKERS = new AtomicReference<>();
    private static final AtomicReference<Consumer<String>> PENDING_PRINTER = new AtomicReference<>();

    /** The services handed over, waiting for a library being opened; null when it failed. */
    private static Services services() {
        java.util.concurrent.Future<Library> opening = OPENING.getAndSet(null);
        if (opening != null) {
            try {
                SERVICES.set(new Services(opening.get(), PENDING_WORKERS.get(), PENDING_PRINTER.get()));
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.error("The library could not be opened", e.getCause());
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return SERVICES.get();
    }

    /** The result of the last {@code --startup-report} run, or null when none finished. */
    public static StartupReport.Result lastStartupReport() {
        return LAST_REPORT.get();
    }

    /** Hands over the services without launching (for tests that start the toolkit themselves). */
    public static void install(Library library, TaskExecutor workers) {
        SERVICES.set(new Services(library, workers));
    }

    @Override
    public void start(Stage stage) {
        StartupPhases.mark("toolkit-up");
        boolean pending = OPENING.get() != null;
        Services services = services();
        if (services == null && pending) {
            javafx.application.Platform.exit(); // the caller prints why the library did not open
            return;
        }
        if (services == null) {
            throw new IllegalStateException("MainApplication.launch(library, workers, args) was not called");
        }
        this.stage = stage;
        StartupPhases.mark("library-ready");
        LOG.info("Toolkit started ({} ms after JVM start)", StartupPhases.sinceJvmStart());
        List<String> args = getParameters() == null ? List.of() : getParameters().getRaw();
        settingsFile = services.library().dataDir().resolve(Settings.FILE_NAME);
        settings = Settings.load(settingsFile);
        String lang = argument(args, "--lang=");
        if (lang != null) {
            settings.setLanguage(lang);
        }
        if (!settings.language().isEmpty()) {
            Messages.setLocale(settings.locale());
        }
        String theme = argument(args, "--theme=");
        if (theme != null) {
            settings.setDark(theme.equals("dark"));
        }
        applyTheme(settings.dark());
        tasks = new FxTaskExecutor(services.workers());
        model = new MainViewModel(services.library(), tasks);
        boolean report = args.contains("--startup-report");
        if (!report && settings.selectedFeed() != null) {
            model.feeds().selectWhenLoaded(settings.selectedFeed());
        }
        model.start(); // the first page loads in the background while the window is put together
        window = new MainWindow(model, Formats.system(), this::openInBrowser);
        window.checkIndexAfterFirstList();
        window.readerView().articleView().setStyle(settings.dark(), settings.readerStyle());
        StartupPhases.mark("window-built");
        LOG.info("Window built ({} ms after JVM start)", StartupPhases.sinceJvmStart());
        window.setPreferences(() -> new PreferencesViewModel(settings, settingsFile, services.library().dataDir(),
                this::applySettings));
        double[] dividers = settings.dividers();
        window.split().setDividerPositions(dividers[0], dividers[1]);
        Scene scene = show(stage, window, settings);
        StartupPhases.mark("stage-shown");
        if (report) {
            LAST_REPORT.set(null);
            new StartupReport(window, model, services.reportPrinter(), LAST_REPORT::set).start(scene);
        } else {
            stage.setOnHiding(e -> remember());
        }
        if (!report) {
            schedule = new org.cryptosec.reader.task.PooledTaskExecutor(1);
            model.setScheduleExecutor(schedule);
            model.setAutoRefresh(settings.refreshMinutes());
            stage.addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> stopSchedule());
        }
        if (!report) {
            javafx.application.Platform.runLater(window::offerCatalogue);
        }
        LOG.info("Window opened ({} ms after JVM start)", StartupPhases.sinceJvmStart());
    }

    private void openInBrowser(String url) {
        try {
            getHostServices().showDocument(url);
        } catch (RuntimeException e) {
            LOG.warn("Could not open {} in the browser", url, e);
        }
    }

    private static String argument(List<String> args, String prefix) {
        return args.stream().filter(a -> a.startsWith(prefix)).map(a -> a.substring(prefix.length()))
                .reduce((a, b) -> b).orElse(null);
    }

    private void applyTheme(boolean dark) {
        Theme.setDark(dark);
        Path cache = settingsFile == null ? null : settingsFile.resolveSibling("cache");
        Application.setUserAgentStylesheet(ThemeStylesheets.userAgentStylesheet(dark, cache));
    }

    /** A preference changed: theme, reader typography and the refresh schedule follow at once. */
    private void applySettings(Settings changed) {
        if (changed.dark() != Theme.isDark()) {
            applyTheme(changed.dark());
        }
        window.readerView().articleView().setStyle(changed.dark(), changed.readerStyle());
        if (changed.refreshMinutes() != model.autoRefreshMinutes()) {
            model.setAutoRefresh(changed.refreshMinutes());
        }
    }

    /** Keeps the window's place, the pane widths and the selected feed for the next start. */
    private void remember() {
        if (settings == null || window == null) {
            return;
        }
        settings.setMaximized(stage.isMaximized());
        if (!stage.isMaximized() && stage.getWidth() > 0) {
            settings.setBounds(new Settings.Bounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()));
        }
        double[] dividers = window.split().getDividerPositions();
        if (dividers.length == 2) {
            settings.setDividers(dividers[0], dividers[1]);
        }
        if (model.feeds().selected() != null) {
            settings.setSelectedFeed(model.feeds().selected().key());
        }
        try {
            settings.save(settingsFile);
        } catch (IOException e) {
            LOG.warn("Could not save the window settings to {}", settingsFile, e);
        }
    }

    /** Stops the background refresh schedule and its thread (the window is closing). */
    private void stopSchedule() {
        if (model != null) {
            model.stop();
        }
        if (schedule != null) {
            schedule.close();
            schedule = null;
        }
    }

    /** Puts the window on the stage with the app stylesheet, title and default size. */
    public static Scene show(Stage stage, MainWindow window) {
        return show(stage, window, new Settings());
    }

    /** Puts the window on the stage with the app stylesheet and title, where it was last time if that is on a screen. */
    public static Scene show(Stage stage, MainWindow window, Settings settings) {
        Settings.Bounds bounds = settings.bounds();
        boolean onScreen = bounds != null && !Screen.getScreensForRectangle(
                new Rectangle2D(bounds.x(), bounds.y(), bounds.width(), bounds.height())).isEmpty();
        Scene scene = new Scene(window, onScreen ? bounds.width() : DEFAULT_WIDTH,
                onScreen ? bounds.height() : DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(MainApplication.class.getResource("/ui/app.css"),
                "resource /ui/app.css is missing").toExternalForm());
        stage.setTitle(Messages.get("app.title"));
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.setScene(scene);
        if (onScreen) {
            stage.setX(bounds.x());
            stage.setY(bounds.y());
        }
        stage.setMaximized(settings.maximized());
        stage.show();
        return scene;
    }

    @Override
    public void stop() {
        stopSchedule();
        if (tasks != null) {
            tasks.close();
        }
    }
}
