package org.cryptosec.reader.ui.feeds;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cryptosec.reader.model.CatalogueEntry;
import org.cryptosec.reader.ui.Messages;

/**
 * The first-start offer: the bundled crypto-security sources grouped by category, each with a check box
 * (none ticked: nothing is subscribed unless the user chooses). The result is the chosen entries.
 */
public final class CatalogueDialog extends Dialog<List<CatalogueEntry>> {

    public CatalogueDialog(Window owner, List<CatalogueEntry> catalogue) {
        initOwner(owner);
        setTitle(Messages.get("catalogue.title"));
        setHeaderText(Messages.get("catalogue.header"));
        ButtonType subscribe = new ButtonType(Messages.get("catalogue.subscribe"), ButtonBar.ButtonData.OK_DONE);
        ButtonType later = new ButtonType(Messages.get("catalogue.later"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(subscribe, later);

        Map<CheckBox, CatalogueEntry> boxes = new LinkedHashMap<>();
        VBox groups = new VBox(6);
        String category = null;
        for (CatalogueEntry entry : catalogue) {
            if (category == null || !category.equals(entry.category())) {
                category = entry.category() == null ? "" : entry.category();
                Label heading = new Label(category);
                heading.getStyleClass().add(Styles.TEXT_BOLD);
                heading.setPadding(new Insets(groups.getChildren().isEmpty() ? 0 : 8, 0, 0, 0));
                groups.getChildren().add(heading);
            }
            CheckBox box = new CheckBox(entry.title());
            box.setTooltip(new Tooltip(entry.feedUrl()));
            box.setPadding(new Insets(0, 0, 0, 12));
            boxes.put(box, entry);
            groups.getChildren().add(box);
        }
        groups.setPadding(new Insets(4, 12, 4, 4));
        ScrollPane scroll = new ScrollPane(groups);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(360);
        scroll.setPrefViewportWidth(380);

        Button all = new Button(Messages.get("catalogue.selectAll"));
        all.getStyleClass().add(Styles.FLAT);
        all.setOnAction(e -> boxes.keySet().forEach(b -> b.setSelected(true)));
        VBox content = new VBox(8, scroll, all);
        getDialogPane().setContent(content);

        Button ok = (Button) getDialogPane().lookupButton(subscribe);
        ok.setDefaultButton(true);
        setResultConverter(type -> {
            List<CatalogueEntry> chosen = new ArrayList<>();
            if (type == subscribe) {
                boxes.forEach((box, entry) -> {
                    if (box.isSelected()) {
                        chosen.add(entry);
                    }
                });
            }
            return chosen;
        });
    }
}
