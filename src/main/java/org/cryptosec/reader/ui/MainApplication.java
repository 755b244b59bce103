package org.cryptosec.reader.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.TaskExecutor;
import org.cryptosec.reader.ui.main.MainViewModel;
import org.cryptosec.reader.ui.main.MainWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window. The composition root builds the {@link Library} and the worker pool and calls
 * {@link #launch(Library, TaskExecutor, String[])}; JavaFX then creates this class and calls
 * {@link #start(Stage)}. The caller keeps ownership of the library and the pool and closes them
 * after {@code launch} returns (when the window is closed).
 */
public final class MainApplication extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(MainApplication.class);
    public static final double DEFAULT_WIDTH = 1280;
    public static final double DEFAULT_HEIGHT = 800;

    /** What the composition root hands over before the toolkit starts. */
    public record Services(Library library, TaskExecutor workers) {
        public Services {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(workers, "workers");
        }
    }

    private static final AtomicReference<Services> SERVICES = new AtomicReference<>();

    private FxTaskExecutor tasks;

    /**
     * Opens the window and blocks until it is closed. Call once per process, from the main thread.
     * {@code args} may hold {@code --theme=dark}.
     */
    public static void launch(Library library, TaskExecutor workers, String[] args) {
        SERVICES.set(new Services(library, workers));
        Application.launch(MainApplication.class, args == null ? new String[0] : args);
    }

    /** Hands over the services without launching (for tests that start the toolkit themselves). */
    public static void install(Library library, TaskExecutor workers) {
        SERVICES.set(new Services(library, workers));
    }

    @Override
    public void start(Stage stage) {
        Services services = SERVICES.get();
        if (services == null) {
            throw new IllegalStateException("MainApplication.launch(library, workers, args) was not called");
        }
        boolean dark = getParameters() != null && getParameters().getRaw().contains("--theme=dark");
        Theme.setDark(dark);
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        tasks = new FxTaskExecutor(services.workers());
        MainViewModel model = new MainViewModel(services.library(), tasks);
        MainWindow window = new MainWindow(model, Formats.system(), url -> getHostServices().showDocument(url));
        show(stage, window);
        model.start();
        javafx.application.Platform.runLater(window::offerCatalogue);
        LOG.info("Window opened");
    }

    /** Puts the window on the stage with the app stylesheet, title and default size. */
    public static Scene show(Stage stage, MainWindow window) {
        Scene scene = new Scene(window, DEFAULT_WIDTH, DEFAULT_HEIGHT);
        scene.getStylesheets().add(Objects.requireNonNull(MainApplication.class.getResource("/ui/app.css"),
                "resource /ui/app.css is missing").toExternalForm());
        stage.setTitle(Messages.get("app.title"));
        stage.setMinWidth(800);
        stage.setMinHeight(500);
        stage.setScene(scene);
        stage.show();
        return scene;
    }

    @Override
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
    }
}
