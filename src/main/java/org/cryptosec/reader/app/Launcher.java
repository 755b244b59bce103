package org.cryptosec.reader.app;

import java.nio.file.Path;
import org.cryptosec.reader.cli.Cli;
import org.cryptosec.reader.cli.CliContext;
import org.cryptosec.reader.service.Library;

/**
 * The entry point: no command opens the window, a command runs the CLI. Kept free of JavaFX types
 * in its signature so {@code java -jar} works with JavaFX on the class path.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        org.cryptosec.reader.ui.StartupPhases.mark("main");
        Path dataDir = DataDirectory.resolve(args, System.getenv(), System.getProperty("os.name"),
                System.getProperty("user.home"));
        Logging.configure(dataDir);
        if (isGui(args)) {
            System.exit(GuiLauncher.launch(dataDir, args));
            return;
        }
        int code = Cli.run(CliContext.console(Library::open, dataDir), args);
        System.exit(code);
    }

    /**
     * No command at all (only --data-dir, --theme=light|dark, --lang=en|nl), or the explicit {@code gui}
     * command (which also takes {@code --startup-report}).
     */
    static boolean isGui(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--data-dir")) {
                i++;
            } else if (a.startsWith("--data-dir=") || a.startsWith("--theme=") || a.startsWith("--lang=")) {
                continue;
            } else {
                return a.equals("gui");
            }
        }
        return true;
    }
}
