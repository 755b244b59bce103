package org.cryptosec.reader.ui.main;

import java.util.List;

/** Every keyboard shortcut of the window, in the order the shortcuts dialog lists them. */
public final class Shortcuts {

    /** A key (as printed) and the message key of what it does. */
    public record Shortcut(String keys, String descriptionKey) {
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
