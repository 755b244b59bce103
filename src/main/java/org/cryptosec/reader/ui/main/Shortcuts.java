package org.cryptosec.reader.ui.main;

import java.util.List;
import org.cryptosec.reader.ui.Messages;

/** Every keyboard shortcut of the window, in the order the shortcuts dialog lists them. */
public final class Shortcuts {

    /**
     * A key combination in English ("Ctrl+Shift+A", "Space") and the message key of what it does.
     * Named keys are shown translated ({@link #label()}); letters, digits, signs and F-keys as they are.
     */
    public record Shortcut(String keys, String descriptionKey) {

        /** The keys as the user reads them, each named key in the window's language ("Shift+Spatie"). */
        public String label() {
            StringBuilder out = new StringBuilder();
            for (String key : keyNames()) {
                out.append(out.length() == 0 ? "" : "+").append(isNamed(key) ? Messages.get(messageKey(key)) : key);
            }
            return out.toString();
        }

        /** The keys one by one: "Ctrl+Shift+A" is Ctrl, Shift, A. */
        public List<String> keyNames() {
            return List.of(keys.split("\\+"));
        }
    }

    /** A key with a name to translate (Space, Shift, Ctrl, Esc, Delete...), not a letter, sign or F-key. */
    public static boolean isNamed(String key) {
        return key.length() > 1 && !key.matches("F\\d{1,2}");
    }

    /** The message key of a named key's text: "key.space" for Space. */
    public static String messageKey(String key) {
        return "key." + key.toLowerCase(java.util.Locale.ROOT);
    }

    /** Printed keys; "Ctrl" is Cmd on macOS. */
    public static final List<Shortcut> ALL = List.of(
            new Shortcut("j", "shortcut.next"),
            new Shortcut("k", "shortcut.previous"),
            new Shortcut("Space", "shortcut.page"),
            new Shortcut("Shift+Space", "shortcut.pageUp"),
            new Shortcut("m", "shortcut.read"),
            new Shortcut("s", "shortcut.star"),
            new Shortcut("o", "shortcut.open"),
            new Shortcut("Delete", "shortcut.delete"),
            new Shortcut("/", "shortcut.search"),
            new Shortcut("Esc", "shortcut.clear"),
            new Shortcut("r", "shortcut.refresh"),
            new Shortcut("F2", "shortcut.rename"),
            new Shortcut("?", "shortcut.help"),
            new Shortcut("Ctrl+N", "shortcut.add"),
            new Shortcut("Ctrl+O", "shortcut.import"),
            new Shortcut("Ctrl+E", "shortcut.export"),
            new Shortcut("Ctrl+Shift+A", "shortcut.authors"),
            new Shortcut("Ctrl+S", "shortcut.saveSearch"),
            new Shortcut("Ctrl+,", "shortcut.preferences"),
            new Shortcut("Ctrl+Q", "shortcut.quit"));

    private Shortcuts() {
    }
}
