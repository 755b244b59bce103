package org.cryptosec.reader.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.PooledTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless, on a real library filled from the fixture site on 127.0.0.1 (closed
 * once loaded unless {@link #keepSiteOpen()}), with helpers to wait for the UI. Subclasses declare
 * {@code @Start void start(Stage stage) { startWindow(stage); }}.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class WindowTestBase {

    @TempDir
    protected Path dataDir;

    protected UiFixture site;
    protected Library library;
    protected PooledTaskExecutor workers;
    protected Stage stage;

    /** True to keep the fixture site serving while the window runs (to count its requests). */
    protected boolean keepSiteOpen() {
        return false;
    }

    /** Called from each test class's own {@code @Start} method (TestFX looks only at the class's own methods). */
    protected void startWindow(Stage stage) throws Exception {
        this.stage = stage;
        site = new UiFixture();
        library = site.openLoaded(dataDir);
        if (!keepSiteOpen()) {
            site.close(); // from here on everything comes from the library
        }
        workers = new PooledTaskExecutor(2);
        MainApplication.install(library, workers);
        new MainApplication().start(stage);
    }

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        if (workers != null) {
            workers.close();
        }
        if (library != null) {
            library.close();
        }
        if (site != null && keepSiteOpen()) {
            site.close();
        }
    }

    protected static <T> T fx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(5, TimeUnit.SECONDS);
    }

    protected static void waitUntil(Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(condition));
    }
}
