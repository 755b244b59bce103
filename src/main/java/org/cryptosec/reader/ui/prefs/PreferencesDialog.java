package org.cryptosec.reader.ui.prefs;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.property.IntegerProperty;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.cryptosec.reader.ui.Messages;

/** Preferences: theme, reader font, size and line width, images, refresh interval, language; the data folder. */
public final class PreferencesDialog extends Dialog<Void> {

    private static final List<Integer> INTERVALS = List.of(0, 15, 30, 60, 120, 240, 720, 1440);

    public PreferencesDialog(Window owner, PreferencesViewModel model) {
        initOwner(owner);
        setTitle(Messages.get("prefs.title"));
        setHeaderText(null);
        GridPane grid = new GridPane();
        grid.setId("preferencesGrid");
        grid.setHgap(16);
        grid.setVgap(12);
        grid.setPadding(new Insets(8, 4, 4, 4));
        int row = 0;

        ToggleGroup theme = new ToggleGroup();
        ToggleButton light = new ToggleButton(Messages.get("prefs.theme.light"));
        light.setId("themeLight");
        ToggleButton dark = new ToggleButton(Messages.get("prefs.theme.dark"));
        dark.setId("themeDark");
        light.setToggleGroup(theme);
        dark.setToggleGroup(theme);
        light.getStyleClass().add(Styles.LEFT_PILL);
        dark.getStyleClass().add(Styles.RIGHT_PILL);
        (model.darkProperty().get() ? dark : light).setSelected(true);
        theme.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                old.setSelected(true); // one of the two stays chosen
            } else {
                model.darkProperty().set(now == dark);
            }
        });
        grid.addRow(row++, label("prefs.theme"), new HBox(light, dark));

        ComboBox<String> font = new ComboBox<>();
        font.setId("fontChoice");
        font.getItems().setAll(Settings.FONTS);
        if (!font.getItems().contains(model.fontProperty().get())) {
            font.getItems().add(model.fontProperty().get());
        }
        font.setConverter(new StringConverter<>() {
            @Override
            public String toString(String value) {
                return value == null ? "" : switch (value) {
                    case "serif" -> Messages.get("prefs.font.serif");
                    case "sans" -> Messages.get("prefs.font.sans");
                    default -> value;
                };
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        font.valueProperty().bindBidirectional(model.fontProperty());
        grid.addRow(row++, label("prefs.font"), font);

        grid.addRow(row++, label("prefs.fontSize"), slider("fontSizeSlider", model.fontSizeProperty(),
                Settings.MIN_FONT_SIZE, Settings.MAX_FONT_SIZE, "prefs.px"));
        grid.addRow(row++, label("prefs.lineWidth"), slider("lineWidthSlider", model.lineWidthProperty(),
                Settings.MIN_LINE_WIDTH, Settings.MAX_LINE_WIDTH, "prefs.ch"));

        CheckBox images = new CheckBox(Messages.get("prefs.images.show"));
        images.setId("imagesCheck");
        images.selectedProperty().bindBidirectional(model.imagesProperty());
        grid.addRow(row++, label("prefs.images"), images);

        ComboBox<Integer> refresh = new ComboBox<>();
        refresh.setId("refreshChoice");
        refresh.getItems().setAll(INTERVALS);
        if (!INTERVALS.contains(model.refreshMinutesProperty().get())) {
            refresh.getItems().add(model.refreshMinutesProperty().get());
        }
        refresh.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return minutes == null ? "" : Messages.get("prefs.refresh.every", minutes);
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        refresh.setValue(model.refreshMinutesProperty().get());
        refresh.valueProperty().addListener((obs, old, minutes) -> {
            if (minutes != null) {
                model.refreshMinutesProperty().set(minutes);
            }
        });
        grid.addRow(row++, label("prefs.refresh"), refresh);

        ComboBox<String> language = new ComboBox<>();
        language.setId("languageChoice");
        language.getItems().setAll(Settings.LANGUAGES);
        language.setConverter(new StringConverter<>() {
            @Override
            public String toString(String code) {
                return code == null ? "" : switch (code) {
                    case "en" -> "English";
                    case "nl" -> "Nederlands";
                    default -> Messages.get("prefs.language.system");
                };
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        language.valueProperty().bindBidirectional(model.languageProperty());
        Label restart = new Label(Messages.get("prefs.language.restart"));
        restart.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        grid.addRow(row++, label("prefs.language"), new HBox(10, language, restart));

        TextField folder = new TextField(model.dataFolder());
        folder.setId("dataFolder");
        folder.setEditable(false);
        folder.setPrefColumnCount(32);
        grid.addRow(row++, label("prefs.dataFolder"), folder);

        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        grid.add(error, 0, row, 2, 1);

        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
    }

    private static Label label(String key) {
        Label label = new Label(Messages.get(key));
        label.getStyleClass().add(Styles.TEXT_BOLD);
        label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }

    private static HBox slider(String id, IntegerProperty value, int min, int max, String unitKey) {
        Slider slider = new Slider(min, max, value.get());
        slider.setId(id);
        slider.setMajorTickUnit(max - min);
        slider.setBlockIncrement(1);
        slider.setSnapToTicks(false);
        slider.setPrefWidth(220);
        slider.valueProperty().addListener((obs, old, now) -> value.set((int) Math.round(now.doubleValue())));
        value.addListener((obs, old, now) -> slider.setValue(now.intValue()));
        Label shown = new Label();
        shown.textProperty().bind(value.asString().concat(" " + Messages.get(unitKey)));
        shown.setMinWidth(60);
        return new HBox(10, slider, shown);
    }
}
