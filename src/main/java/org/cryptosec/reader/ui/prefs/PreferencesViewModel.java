package org.cryptosec.reader.ui.prefs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cryptosec.reader.ui.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The preferences: every change takes effect at once (theme, reader typography, images, refresh
 * interval) and is saved to the settings file; the language applies at the next start.
 */
public final class PreferencesViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesViewModel.class);

    private final Settings settings;
    private final Path file;
    private final Path dataDir;
    private final Consumer<Settings> onChange;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final StringProperty font = new SimpleStringProperty(this, "font");
    private final IntegerProperty fontSize = new SimpleIntegerProperty(this, "fontSize");
    private final IntegerProperty lineWidth = new SimpleIntegerProperty(this, "lineWidth");
    private final BooleanProperty images = new SimpleBooleanProperty(this, "images");
    private final IntegerProperty refreshMinutes = new SimpleIntegerProperty(this, "refreshMinutes");
    private final StringProperty language = new SimpleStringProperty(this, "language");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");

    /**
     * @param file where the settings are saved
     * @param onChange applies the settings to the window (called on every change)
     */
    public PreferencesViewModel(Settings settings, Path file, Path dataDir, Consumer<Settings> onChange) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.file = Objects.requireNonNull(file, "file");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.onChange = onChange == null ? s -> { } : onChange;
        dark.set(settings.dark());
        Settings.ReaderStyle style = settings.readerStyle();
        font.set(style.font());
        fontSize.set(style.fontSize());
        lineWidth.set(style.lineWidth());
        images.set(style.images());
        refreshMinutes.set(settings.refreshMinutes());
        language.set(settings.language());
        for (javafx.beans.Observable p : new javafx.beans.Observable[] {dark, font, fontSize, lineWidth, images,
                refreshMinutes, language}) {
            p.addListener(obs -> changed());
        }
    }

    private void changed() {
        settings.setDark(dark.get());
        settings.setReaderStyle(new Settings.ReaderStyle(font.get() == null ? "serif" : font.get(), fontSize.get(),
                lineWidth.get(), images.get()));
        settings.setRefreshMinutes(refreshMinutes.get());
        settings.setLanguage(language.get() == null ? "" : language.get());
        try {
            settings.save(file);
            error.set(null);
        } catch (IOException e) {
            LOG.warn("Could not save {}", file, e);
            error.set(Messages.get("prefs.saveFailed", file, e.getMessage()));
        }
        onChange.accept(settings);
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    /** One of {@link Settings#FONTS}. */
    public StringProperty fontProperty() {
        return font;
    }

    /** Pixels, {@value Settings#MIN_FONT_SIZE} to {@value Settings#MAX_FONT_SIZE}. */
    public IntegerProperty fontSizeProperty() {
        return fontSize;
    }

    /** Characters per line, {@value Settings#MIN_LINE_WIDTH} to {@value Settings#MAX_LINE_WIDTH}. */
    public IntegerProperty lineWidthProperty() {
        return lineWidth;
    }

    public BooleanProperty imagesProperty() {
        return images;
    }

    /** Minutes between automatic refreshes, 0 for never. */
    public IntegerProperty refreshMinutesProperty() {
        return refreshMinutes;
    }

    /** "" (system), "en" or "nl"; applies at the next start. */
    public StringProperty languageProperty() {
        return language;
    }

    /** The library's folder, shown so people can back it up. */
    public String dataFolder() {
        return dataDir.toAbsolutePath().toString();
    }

    /** Why the settings could not be saved, or null. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
