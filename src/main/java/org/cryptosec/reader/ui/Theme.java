package org.cryptosec.reader.ui;

/** The app-wide theme, chosen at start (JavaFX's user-agent stylesheet is app-wide too). */
public final class Theme {

    private static volatile boolean dark;

    private Theme() {
    }

    public static boolean isDark() {
        return dark;
    }

    public static void setDark(boolean value) {
        dark = value;
    }
}
