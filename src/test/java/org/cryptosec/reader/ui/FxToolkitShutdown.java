package org.cryptosec.reader.ui;

import javafx.application.Platform;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Stops the JavaFX toolkit once every test has run, as the application does when its window closes, and waits for its
 * thread to end, so that the test JVM does not exit with the toolkit still running. Without it, the JVM's exit ran
 * the native libraries' exit-time teardown (WebKit's among them) while the FX thread could still drive them: one
 * {@code mvn verify} in 18 died of SIGABRT after its last test had passed. Registered in
 * {@code META-INF/services/org.junit.platform.launcher.LauncherSessionListener}; does nothing when no window test
 * started the toolkit (the FX classes are not even touched then).
 */
public final class FxToolkitShutdown implements LauncherSessionListener {

    /** The name JavaFX gives its application thread. */
    static final String FX_THREAD = "JavaFX Application Thread";
    /** How long to wait for the toolkit to stop. */
    static final long WAIT_MILLIS = 10_000;

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        Thread fx = fxThread();
        if (fx == null) {
            return;
        }
        Platform.exit();
        try {
            fx.join(WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (fx.isAlive()) {
            System.err.println("FxToolkitShutdown: the JavaFX thread was still running " + WAIT_MILLIS
                    + " ms after Platform.exit()");
        }
    }

    /** The running JavaFX application thread, or null when the toolkit was not started (or has stopped). */
    static Thread fxThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals(FX_THREAD) && t.isAlive()) {
                return t;
            }
        }
        return null;
    }
}
