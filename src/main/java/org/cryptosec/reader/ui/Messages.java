package org.cryptosec.reader.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The window's texts, from {@code resources/ui/messages.properties}. */
public final class Messages {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("ui.messages", Locale.getDefault());

    private Messages() {
    }

    /** The text for {@code key}, with {@code args} filled in by {@link MessageFormat}. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, BUNDLE.getLocale()).format(args);
    }
}
