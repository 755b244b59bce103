package org.cryptosec.reader.ui.main;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import org.cryptosec.reader.ui.Messages;

/** "?": the list of keyboard shortcuts. */
final class ShortcutsDialog extends Dialog<Void> {

    ShortcutsDialog(Window owner) {
        initOwner(owner);
        setTitle(Messages.get("shortcuts.title"));
        setHeaderText(Messages.get("shortcuts.header"));
        GridPane grid = new GridPane();
        grid.setId("shortcutsGrid");
        grid.setHgap(18);
        grid.setVgap(6);
        grid.setPadding(new Insets(4, 8, 4, 8));
        int row = 0;
        for (Shortcuts.Shortcut shortcut : Shortcuts.ALL) {
            Label key = new Label(shortcut.label());
            key.getStyleClass().addAll("shortcut-key", Styles.TEXT_BOLD);
            Label what = new Label(Messages.get(shortcut.descriptionKey()));
            grid.addRow(row++, key, what);
        }
        getDialogPane().setContent(grid);
        getDialogPane().getButtonTypes().add(new ButtonType(Messages.get("dialog.close"),
                javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
    }
}
