package org.cryptosec.reader.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the library lives: {@code --data-dir}, else {@code CRYPTOSEC_DATA_DIR}, else the OS's data
 * folder (XDG data home on Linux, Application Support on macOS, %APPDATA% on Windows).
 */
public final class DataDirectory {

    static final String ENV = "CRYPTOSEC_DATA_DIR";

    private DataDirectory() {
    }

    public static Path resolve(String[] args, Map<String, String> env, String osName, String userHome) {
        String fromArgs = dataDirArgument(args);
        if (fromArgs != null && !fromArgs.isBlank()) {
            return Path.of(fromArgs).toAbsolutePath();
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        return osDefault(env, osName, userHome);
    }

    static Path osDefault(Map<String, String> env, String osName, String userHome) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            Path base = appData != null && !appData.isBlank() ? Path.of(appData) : Path.of(userHome, "AppData", "Roaming");
            return base.resolve("Cryptosec Reader");
        }
        if (os.contains("mac") || os.contains("darwin")) {
            return Path.of(userHome, "Library", "Application Support", "Cryptosec Reader");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg) : Path.of(userHome, ".local", "share");
        return base.resolve("cryptosec-reader");
    }

    /** The value of {@code --data-dir DIR} or {@code --data-dir=DIR}, or null. */
    static String dataDirArgument(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--data-dir") && i + 1 < args.length) {
                return args[i + 1];
            }
            if (args[i].startsWith("--data-dir=")) {
                return args[i].substring("--data-dir=".length());
            }
            if (args[i].equals("--")) {
                break;
            }
        }
        return null;
    }
}
