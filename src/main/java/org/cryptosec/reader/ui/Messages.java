package org.cryptosec.reader.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The window's texts, from {@code resources/ui/messages.properties} and its translations (messages_nl). */
public final class Messages {

    private static volatile ResourceBundle bundle = ResourceBundle.getBundle("ui.messages", Locale.getDefault());

    private Messages() {
    }

    /** The text for {@code key}, with {@code args} filled in by {@link MessageFormat}. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, bundle.getLocale()).format(args);
    }

    /**
     * Switches the texts to this locale (English is the fallback for anything else). Call before the
     * window is built: texts already shown stay as they are.
     */
    public static void setLocale(Locale locale) {
        bundle = ResourceBundle.getBundle("ui.messages", locale == null ? Locale.ROOT : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The locale of the texts ("" for the English base bundle). */
    public static Locale locale() {
        return bundle.getLocale();
    }
}
