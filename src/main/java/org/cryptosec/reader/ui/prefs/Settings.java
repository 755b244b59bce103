package org.cryptosec.reader.ui.prefs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's preferences and remembered state, kept in {@code <data dir>/settings.properties}.
 * Every value is checked when read: a missing, unreadable, oversized or malformed file, or any bad
 * value, falls back to the default with a logged warning; nothing in the file can stop the window.
 */
public final class Settings {

    private static final Logger LOG = LoggerFactory.getLogger(Settings.class);

    public static final String FILE_NAME = "settings.properties";
    /** A settings file is a few hundred bytes; anything far bigger is not ours. */
    static final long MAX_BYTES = 64 * 1024;
    /** Font families the reader offers ("serif" and "sans" are our stacks, see {@link #fontStack}). */
    public static final java.util.List<String> FONTS = java.util.List.of("serif", "sans", "Georgia", "Charter",
            "DejaVu Serif", "Noto Serif", "Liberation Serif", "DejaVu Sans", "Noto Sans", "Liberation Sans");
    public static final int MIN_FONT_SIZE = 12;
    public static final int MAX_FONT_SIZE = 32;
    public static final int MIN_LINE_WIDTH = 40;
    public static final int MAX_LINE_WIDTH = 120;
    public static final int MAX_REFRESH_MINUTES = 24 * 60;
    public static final java.util.List<String> LANGUAGES = java.util.List.of("", "en", "nl");
    private static final Pattern FONT_NAME = Pattern.compile("[A-Za-z0-9 \\-]{1,60}");

    /** The reader's typography. */
    public record ReaderStyle(String font, int fontSize, int lineWidth, boolean images) {
        public static final ReaderStyle DEFAULT = new ReaderStyle("serif", 18, 70, true);
    }

    /** Where the window was and how big, or null when unknown. */
    public record Bounds(double x, double y, double width, double height) {
    }

    private boolean dark;
    private ReaderStyle readerStyle = ReaderStyle.DEFAULT;
    private int refreshMinutes = 60;
    private String language = "";
    private Bounds bounds;
    private boolean maximized;
    private double[] dividers = {0.19, 0.48};
    private String selectedFeed;

    /** The defaults. */
    public Settings() {
    }

    /** Reads the file; anything wrong with it gives the defaults for what is wrong, with a warning. */
    public static Settings load(Path file) {
        Settings settings = new Settings();
        if (file == null || !Files.exists(file)) {
            return settings;
        }
        Properties p = new Properties();
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                LOG.warn("Ignoring {}: not a regular file of at most {} bytes; using the defaults", file, MAX_BYTES);
                return settings;
            }
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring {}: {}; using the defaults", file, e.toString());
            return settings;
        }
        settings.read(p, file);
        return settings;
    }

    private void read(Properties p, Path file) {
        Reader r = new Reader(p, file);
        dark = "dark".equals(r.choice("theme", java.util.List.of("light", "dark"), "light"));
        String font = r.text("reader.font", ReaderStyle.DEFAULT.font());
        if (!FONT_NAME.matcher(font).matches()) {
            r.warn("reader.font", font);
            font = ReaderStyle.DEFAULT.font();
        }
        readerStyle = new ReaderStyle(font,
                r.integer("reader.fontSize", MIN_FONT_SIZE, MAX_FONT_SIZE, ReaderStyle.DEFAULT.fontSize()),
                r.integer("reader.lineWidth", MIN_LINE_WIDTH, MAX_LINE_WIDTH, ReaderStyle.DEFAULT.lineWidth()),
                r.bool("reader.images", true));
        refreshMinutes = r.integer("refresh.minutes", 0, MAX_REFRESH_MINUTES, 60);
        language = r.choice("language", LANGUAGES, "");
        double width = r.decimal("window.width", 400, 20000, -1);
        double height = r.decimal("window.height", 300, 20000, -1);
        double x = r.decimal("window.x", -20000, 20000, Double.NaN);
        double y = r.decimal("window.y", -20000, 20000, Double.NaN);
        bounds = width > 0 && height > 0 && !Double.isNaN(x) && !Double.isNaN(y) ? new Bounds(x, y, width, height) : null;
        maximized = r.bool("window.maximized", false);
        double first = r.decimal("divider.feeds", 0.05, 0.9, 0.19);
        double second = r.decimal("divider.articles", 0.1, 0.95, 0.48);
        dividers = first < second ? new double[] {first, second} : new double[] {0.19, 0.48};
        String feed = r.text("feeds.selected", null);
        selectedFeed = feed != null && feed.matches("(feed:\\d{1,18}|ALL|UNREAD|STARRED)") ? feed : null;
        if (feed != null && selectedFeed == null) {
            r.warn("feeds.selected", feed);
        }
    }

    /** Writes the file (through a temporary file and a move, so a crash leaves the old one). */
    public void save(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("theme", dark ? "dark" : "light");
        p.setProperty("reader.font", readerStyle.font());
        p.setProperty("reader.fontSize", Integer.toString(readerStyle.fontSize()));
        p.setProperty("reader.lineWidth", Integer.toString(readerStyle.lineWidth()));
        p.setProperty("reader.images", Boolean.toString(readerStyle.images()));
        p.setProperty("refresh.minutes", Integer.toString(refreshMinutes));
        p.setProperty("language", language);
        if (bounds != null) {
            p.setProperty("window.x", Double.toString(bounds.x()));
            p.setProperty("window.y", Double.toString(bounds.y()));
            p.setProperty("window.width", Double.toString(bounds.width()));
            p.setProperty("window.height", Double.toString(bounds.height()));
        }
        p.setProperty("window.maximized", Boolean.toString(maximized));
        p.setProperty("divider.feeds", Double.toString(dividers[0]));
        p.setProperty("divider.articles", Double.toString(dividers[1]));
        if (selectedFeed != null) {
            p.setProperty("feeds.selected", selectedFeed);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "Cryptosec Reader window settings");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The CSS font-family list for a font choice. */
    public static String fontStack(String font) {
        return switch (font == null ? "serif" : font) {
            case "serif" -> "\"Charter\", \"Georgia\", \"DejaVu Serif\", \"Noto Serif\", \"Liberation Serif\", serif";
            case "sans" -> "system-ui, \"Inter\", \"Segoe UI\", \"DejaVu Sans\", \"Noto Sans\", \"Liberation Sans\", sans-serif";
            default -> FONT_NAME.matcher(font).matches() ? "\"" + font + "\", serif" : "serif";
        };
    }

    public boolean dark() {
        return dark;
    }

    public void setDark(boolean value) {
        dark = value;
    }

    public ReaderStyle readerStyle() {
        return readerStyle;
    }

    /** Clamps the sizes into range and refuses a font name that is not a plain family name. */
    public void setReaderStyle(ReaderStyle style) {
        Objects.requireNonNull(style, "style");
        String font = FONT_NAME.matcher(style.font()).matches() ? style.font() : ReaderStyle.DEFAULT.font();
        readerStyle = new ReaderStyle(font, clamp(style.fontSize(), MIN_FONT_SIZE, MAX_FONT_SIZE),
                clamp(style.lineWidth(), MIN_LINE_WIDTH, MAX_LINE_WIDTH), style.images());
    }

    /** Minutes between automatic refreshes; 0 is off. */
    public int refreshMinutes() {
        return refreshMinutes;
    }

    public void setRefreshMinutes(int minutes) {
        refreshMinutes = clamp(minutes, 0, MAX_REFRESH_MINUTES);
    }

    /** "" (the system's), "en" or "nl". */
    public String language() {
        return language;
    }

    public void setLanguage(String value) {
        language = LANGUAGES.contains(value) ? value : "";
    }

    /** The UI locale: the chosen language, else the system default. */
    public Locale locale() {
        return language.isEmpty() ? Locale.getDefault() : Locale.forLanguageTag(language);
    }

    /** The last window position and size, or null. */
    public Bounds bounds() {
        return bounds;
    }

    public void setBounds(Bounds value) {
        bounds = value;
    }

    public boolean maximized() {
        return maximized;
    }

    public void setMaximized(boolean value) {
        maximized = value;
    }

    /** The two divider positions of the three panes. */
    public double[] dividers() {
        return dividers.clone();
    }

    public void setDividers(double feeds, double articles) {
        if (feeds > 0 && feeds < articles && articles < 1) {
            dividers = new double[] {feeds, articles};
        }
    }

    /** The key of the last selected feed row, or null. */
    public String selectedFeed() {
        return selectedFeed;
    }

    public void setSelectedFeed(String key) {
        selectedFeed = key != null && key.matches("(feed:\\d{1,18}|ALL|UNREAD|STARRED)") ? key : null;
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }

    /** Reads typed values, warning about each bad one. */
    private static final class Reader {
        private final Properties p;
        private final Path file;

        Reader(Properties p, Path file) {
            this.p = p;
            this.file = file;
        }

        void warn(String key, String value) {
            String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
            LOG.warn("{}: ignoring bad value for {}: \"{}\"; using the default", file, key, shown);
        }

        String text(String key, String fallback) {
            String value = p.getProperty(key);
            return value == null ? fallback : value.strip();
        }

        String choice(String key, java.util.List<String> allowed, String fallback) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            if (allowed.contains(value.toLowerCase(Locale.ROOT))) {
                return value.toLowerCase(Locale.ROOT);
            }
            warn(key, value);
            return fallback;
        }

        boolean bool(String key, boolean fallback) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(value);
            }
            warn(key, value);
            return fallback;
        }

        int integer(String key, int min, int max, int fallback) {
            return (int) number(key, min, max, fallback, Integer::parseInt);
        }

        double decimal(String key, double min, double max, double fallback) {
            return number(key, min, max, fallback, Double::parseDouble);
        }

        /** A finite number from min to max, parsed by {@code parser}; else the fallback, with a warning. */
        private double number(String key, double min, double max, double fallback,
                java.util.function.ToDoubleFunction<String> parser) {
            String value = text(key, null);
            if (value == null) {
                return fallback;
            }
            try {
                double n = parser.applyAsDouble(value);
                if (Double.isFinite(n) && n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // warned below
            }
            warn(key, value);
            return fallback;
        }
    }
}
