package org.cryptosec.reader.ui.status;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.cryptosec.reader.ui.Messages;

/** The bottom line: refresh progress with a Cancel button, then the refresh summary. */
public final class StatusBar extends HBox {

    public StatusBar(RefreshViewModel model) {
        super(10);
        setId("statusBar");
        getStyleClass().add("status-bar");
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(4, 12, 4, 12));

        Label message = new Label();
        message.setId("statusMessage");
        message.getStyleClass().add(Styles.TEXT_SMALL);
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(Region.USE_PREF_SIZE);

        Label detail = new Label();
        detail.setId("statusDetail");
        detail.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        detail.textProperty().bind(model.detailProperty());
        detail.setMinWidth(0);
        detail.setMaxWidth(Double.MAX_VALUE);
        Tooltip detailTip = new Tooltip();
        detailTip.textProperty().bind(model.detailProperty());
        detailTip.setWrapText(true);
        detailTip.setMaxWidth(600);
        detail.setTooltip(detailTip);
        HBox.setHgrow(detail, Priority.ALWAYS);

        ProgressBar bar = new ProgressBar();
        bar.setId("statusProgress");
        bar.getStyleClass().add(Styles.SMALL);
        bar.setPrefWidth(160);
        bar.progressProperty().bind(model.progressProperty());
        bar.visibleProperty().bind(model.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());

        Button cancel = new Button(Messages.get("status.cancel"));
        cancel.setId("cancelRefresh");
        cancel.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());

        ProgressBar index = new ProgressBar();
        index.setId("indexProgress");
        index.getStyleClass().add(Styles.SMALL);
        index.setPrefWidth(100);
        index.progressProperty().bind(model.indexProgressProperty());
        index.visibleProperty().bind(model.indexingProperty().and(model.runningProperty().not()));
        index.managedProperty().bind(index.visibleProperty());

        getChildren().addAll(message, bar, index, cancel, detail);
    }
}
