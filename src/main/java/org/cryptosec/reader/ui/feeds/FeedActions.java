package org.cryptosec.reader.ui.feeds;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What can be done to a feed or folder row, with its small dialogs: rename, move to a folder
 * (existing or new), remove (after a confirmation), show the last error, retry. Used by the feed
 * list's context menu and by the window's Feed menu.
 */
public final class FeedActions {

    private final FeedListViewModel model;
    private final Supplier<Window> owner;

    public FeedActions(FeedListViewModel model, Supplier<Window> owner) {
        this.model = Objects.requireNonNull(model, "model");
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /** The menu items for this row (empty for the smart lists). */
    public List<MenuItem> itemsFor(FeedEntry entry) {
        List<MenuItem> items = new ArrayList<>();
        if (entry == null) {
            return items;
        }
        if (entry.kind() == FeedEntry.Kind.FOLDER) {
            items.add(item("feeds.renameFolder", Feather.EDIT_2, () -> renameFolder(entry)));
            items.add(item(entry.isExpanded() ? "feeds.collapse" : "feeds.expand",
                    entry.isExpanded() ? Feather.CHEVRON_RIGHT : Feather.CHEVRON_DOWN, () -> model.toggleFolder(entry)));
            return items;
        }
        if (entry.kind() == FeedEntry.Kind.SAVED) {
            MenuItem remove = item("saved.remove", Feather.TRASH_2, () -> model.removeSaved(entry));
            remove.setId("removeSavedItem");
            items.add(remove);
            return items;
        }
        if (entry.kind() != FeedEntry.Kind.FEED) {
            return items;
        }
        items.add(item("feeds.rename", Feather.EDIT_2, () -> rename(entry)));
        items.add(moveMenu(entry));
        items.add(new SeparatorMenuItem());
        MenuItem retry = item(entry.paused() ? "feeds.resume" : "feeds.retry", Feather.ROTATE_CW,
                () -> model.retry(entry));
        retry.setId("retryFeedItem");
        items.add(retry);
        if (entry.hasError() || entry.paused()) {
            items.add(item("feeds.showError", Feather.ALERT_TRIANGLE, () -> showError(entry)));
        }
        items.add(new SeparatorMenuItem());
        MenuItem remove = item("feeds.remove", Feather.TRASH_2, () -> remove(entry));
        remove.setId("removeFeedItem");
        items.add(remove);
        return items;
    }

    /** Asks for a new name and renames the feed. */
    public void rename(FeedEntry entry) {
        if (entry == null || entry.kind() != FeedEntry.Kind.FEED) {
            return;
        }
        ask(Messages.get("feeds.rename.title"), Messages.get("feeds.rename.header", entry.feed().url()),
                entry.feed().displayTitle()).ifPresent(name -> model.rename(entry, name));
    }

    /** Asks for a folder name and moves the feed there (a new folder when the name is new). */
    public void moveToNewFolder(FeedEntry entry) {
        if (entry == null || entry.kind() != FeedEntry.Kind.FEED) {
            return;
        }
        ask(Messages.get("feeds.newFolder.title"), Messages.get("feeds.newFolder.header", entry.feed().displayTitle()),
                "").filter(name -> !name.isBlank()).ifPresent(name -> model.moveToFolder(entry, name));
    }

    /** Asks for the folder's new name and moves its feeds there. */
    public void renameFolder(FeedEntry folder) {
        ask(Messages.get("feeds.renameFolder.title"), Messages.get("feeds.renameFolder.header"), folder.folderName())
                .ifPresent(name -> model.renameFolder(folder, name));
    }

    /** Asks for a confirmation, then unsubscribes. */
    public void remove(FeedEntry entry) {
        if (entry == null || entry.kind() != FeedEntry.Kind.FEED) {
            return;
        }
        ButtonType removeButton = new ButtonType(Messages.get("feeds.remove.confirm"), ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("feeds.remove.text", entry.unread()),
                removeButton, new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        confirm.initOwner(owner.get());
        confirm.setTitle(Messages.get("feeds.remove.title"));
        confirm.setHeaderText(Messages.get("feeds.remove.header", entry.feed().displayTitle()));
        if (confirm.showAndWait().filter(removeButton::equals).isPresent()) {
            model.remove(entry);
        }
    }

    /** Shows why the last refresh failed, offering a retry. */
    public void showError(FeedEntry entry) {
        if (entry == null || !(entry.hasError() || entry.paused())) {
            return;
        }
        Feed feed = entry.feed();
        ButtonType retry = new ButtonType(Messages.get("feeds.retry"), ButtonBar.ButtonData.OK_DONE);
        String text = entry.paused()
                ? Messages.get("feeds.paused.text", entry.pausedReason()) + (entry.hasError() ? "\n\n" + entry.error() : "")
                : entry.error();
        Alert alert = new Alert(Alert.AlertType.WARNING, text, retry,
                new ButtonType(Messages.get("dialog.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        alert.initOwner(owner.get());
        alert.setTitle(Messages.get("feeds.error.title"));
        alert.setHeaderText(Messages.get("feeds.error.header", feed.displayTitle(), feed.errorCount()));
        if (alert.showAndWait().filter(retry::equals).isPresent()) {
            model.retry(entry);
        }
    }

    private Menu moveMenu(FeedEntry entry) {
        Menu move = new Menu(Messages.get("feeds.move"), new FontIcon(Feather.FOLDER));
        String current = entry.folderName();
        for (String folder : model.folderNames()) {
            if (!folder.equals(current)) {
                MenuItem to = new MenuItem(folder, new FontIcon(Feather.FOLDER));
                to.setOnAction(e -> model.moveToFolder(entry, folder));
                move.getItems().add(to);
            }
        }
        if (!move.getItems().isEmpty()) {
            move.getItems().add(new SeparatorMenuItem());
        }
        move.getItems().add(item("feeds.newFolder", Feather.FOLDER_PLUS, () -> moveToNewFolder(entry)));
        if (current != null) {
            move.getItems().add(item("feeds.noFolder", Feather.X, () -> model.moveToFolder(entry, null)));
        }
        return move;
    }

    /**
     * Asks for a name and saves the search (its text, facet filters and order) as a saved search,
     * shown in the sources pane. Nothing happens without words or filters.
     */
    public void saveSearch(org.cryptosec.reader.model.SearchQuery search) {
        if (search == null || search.isEmpty()) {
            return;
        }
        String described = org.cryptosec.reader.ui.SearchLabels.describe(search.text(), search.filters(), search.sort());
        org.cryptosec.reader.model.SavedSearch open = model.selectedSavedWithWordsOf(search);
        // The saved search shown, changed: its own name is offered, and keeping it updates that search.
        String suggested = open != null ? open.name()
                : search.text().isBlank() ? org.cryptosec.reader.ui.SearchLabels.filters(search.filters())
                : search.text().strip();
        ask(Messages.get("saved.save.title"), Messages.get("saved.save.header", described), suggested)
                .filter(name -> !name.isBlank()).ifPresent(name -> model.saveSearch(name, search));
    }

    private Optional<String> ask(String title, String header, String value) {
        TextInputDialog dialog = new TextInputDialog(value == null ? "" : value);
        dialog.initOwner(owner.get());
        dialog.setTitle(title);
        dialog.setHeaderText(header);
        dialog.getDialogPane().getButtonTypes().setAll(
                new ButtonType(Messages.get("dialog.ok"), ButtonBar.ButtonData.OK_DONE),
                new ButtonType(Messages.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        dialog.getEditor().setId("feedNameField");
        dialog.getEditor().setPrefColumnCount(30);
        return dialog.showAndWait().map(String::strip);
    }

    private static MenuItem item(String key, Feather icon, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key), new FontIcon(icon));
        item.setOnAction(e -> action.run());
        return item;
    }
}
