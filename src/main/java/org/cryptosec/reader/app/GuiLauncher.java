package org.cryptosec.reader.app;

import java.nio.file.Path;

/** Opens the window on the library in {@code dataDir}; returns the exit code. */
final class GuiLauncher {

    private GuiLauncher() {
    }

    static int launch(Path dataDir, String[] args) {
        throw new IllegalStateException("the window is being wired up");
    }
}
