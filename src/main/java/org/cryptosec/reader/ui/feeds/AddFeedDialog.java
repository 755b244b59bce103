package org.cryptosec.reader.ui.feeds;

import atlantafx.base.theme.Styles;
import java.util.function.Consumer;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.ui.Messages;

/**
 * Asks for a feed or site URL and subscribes in the background. The dialog stays open while it
 * works and shows the error in place when it fails; it closes once the feed is added.
 */
public final class AddFeedDialog extends Dialog<Feed> {

    public AddFeedDialog(Window owner, AddFeedViewModel model, Consumer<Feed> onAdded) {
        initOwner(owner);
        setTitle(Messages.get("addFeed.title"));
        setHeaderText(Messages.get("addFeed.header"));
        ButtonType subscribe = new ButtonType(Messages.get("addFeed.subscribe"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(subscribe,
                new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));

        TextField url = new TextField();
        url.setId("feedUrlField");
        url.setPromptText(Messages.get("addFeed.prompt"));
        url.setPrefColumnCount(36);
        url.textProperty().bindBidirectional(model.urlProperty());
        url.disableProperty().bind(model.busyProperty());

        Label error = new Label();
        error.setId("addFeedError");
        error.getStyleClass().add(Styles.DANGER);
        error.setWrapText(true);
        error.setMaxWidth(460);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(16, 16);
        Label status = new Label();
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.textProperty().bind(model.statusProperty());
        HBox busy = new HBox(8, spinner, status);
        busy.visibleProperty().bind(model.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());

        VBox content = new VBox(10, url, busy, error);
        content.setPadding(new Insets(4, 0, 0, 0));
        getDialogPane().setContent(content);

        Button ok = (Button) getDialogPane().lookupButton(subscribe);
        ok.disableProperty().bind(model.canSubscribeProperty().not());
        ok.addEventFilter(ActionEvent.ACTION, event -> {
            // Keep the dialog open: it closes itself when the subscription succeeds.
            event.consume();
            model.subscribe(feed -> {
                setResult(feed);
                close();
                onAdded.accept(feed);
            });
        });
        setResultConverter(button -> null);
        setOnHidden(e -> model.cancel());
        setOnShown(e -> url.requestFocus());
    }
}
