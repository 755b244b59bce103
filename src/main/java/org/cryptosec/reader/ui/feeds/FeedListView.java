package org.cryptosec.reader.ui.feeds;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.cryptosec.reader.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The left pane: smart lists, folders (fold with a click) and feeds with unread counts and error
 * markers (the reason in the tooltip), a context menu per row, plus Add and Refresh.
 */
public final class FeedListView extends VBox {

    private final ListView<FeedEntry> list = new ListView<>();
    private final Button addButton = new Button(Messages.get("feeds.add"), new FontIcon(Feather.PLUS));
    private final Button refreshButton = new Button(null, new FontIcon(Feather.REFRESH_CW));
    private final Button authorsButton = new Button(null, new FontIcon(Feather.USERS));

    private FeedActions actions;
    private final FeedListViewModel model;

    public FeedListView(FeedListViewModel model) {
        this.model = model;
        getStyleClass().add("feed-pane");
        setId("feedPane");

        Label heading = new Label(Messages.get("app.title"));
        heading.getStyleClass().add("app-heading");
        heading.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        refreshButton.setId("refreshButton");
        refreshButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        refreshButton.setTooltip(new Tooltip(Messages.get("feeds.refresh.tooltip")));
        HBox top = new HBox(6, heading, spacer, refreshButton);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10, 8, 8, 14));

        list.setId("feedList");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "feed-list");
        list.setItems(model.entries());
        list.setCellFactory(v -> new FeedCell(this));
        list.getSelectionModel().select(model.selected());
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null && entry != model.selected() && !model.choose(entry)) {
                // The "Saved searches" heading only labels: the selection goes back to the listed row.
                javafx.application.Platform.runLater(() -> list.getSelectionModel().select(model.selected()));
            }
        });
        model.selectedProperty().addListener((obs, old, entry) -> {
            if (entry != null && list.getSelectionModel().getSelectedItem() != entry) {
                list.getSelectionModel().select(entry);
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        Label error = new Label();
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        error.setPadding(new Insets(0, 12, 0, 12));

        addButton.setId("addFeedButton");
        addButton.setMaxWidth(Double.MAX_VALUE);
        addButton.getStyleClass().add(Styles.FLAT);
        authorsButton.setId("authorsButton");
        authorsButton.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        authorsButton.setTooltip(new Tooltip(Messages.get("feeds.authors.tooltip")));
        HBox bottom = new HBox(4, addButton, authorsButton);
        HBox.setHgrow(addButton, Priority.ALWAYS);
        bottom.setPadding(new Insets(6, 8, 8, 8));

        getChildren().addAll(top, list, error, bottom);
        setMinWidth(180);
    }

    public Button addButton() {
        return addButton;
    }

    /** Opens the authors window. */
    public Button authorsButton() {
        return authorsButton;
    }

    public Button refreshButton() {
        return refreshButton;
    }

    public ListView<FeedEntry> list() {
        return list;
    }

    /** Where the rows' context menus get their items (set by the window, which owns the dialogs). */
    public void setActions(FeedActions feedActions) {
        this.actions = feedActions;
    }

    /** A feed row: icon, name, unread count, and a warning icon carrying the last error. */
    private static final class FeedCell extends ListCell<FeedEntry> {
        private final FeedListView pane;
        private final FontIcon chevron = new FontIcon(Feather.CHEVRON_DOWN);
        private final FontIcon icon = new FontIcon();
        private final Label name = new Label();
        private final FontIcon warning = new FontIcon(Feather.ALERT_TRIANGLE);
        private final Label count = new Label();
        private final HBox box;
        private FeedEntry bound;
        private final InvalidationListener countListener = obs -> updateCount();

        FeedCell(FeedListView pane) {
            this.pane = pane;
            chevron.getStyleClass().add("folder-chevron");
            chevron.setCursor(javafx.scene.Cursor.HAND);
            chevron.setOnMouseClicked(e -> {
                FeedEntry entry = getItem();
                if (entry != null && entry.kind() == FeedEntry.Kind.FOLDER) {
                    pane.model.toggleFolder(entry);
                    e.consume();
                }
            });
            name.setMaxWidth(Double.MAX_VALUE);
            name.setMinWidth(0);
            HBox.setHgrow(name, Priority.ALWAYS);
            count.getStyleClass().add("unread-count");
            count.setMinWidth(Region.USE_PREF_SIZE);
            warning.getStyleClass().add("feed-error");
            icon.getStyleClass().add("feed-icon");
            box = new HBox(8, chevron, icon, name, warning, count);
            box.setAlignment(Pos.CENTER_LEFT);
            box.setMinWidth(0);
            box.setPrefWidth(0); // fit the cell: long names end in an ellipsis instead of scrolling sideways
            setContentDisplay(javafx.scene.control.ContentDisplay.GRAPHIC_ONLY);
            setOnContextMenuRequested(e -> {
                FeedEntry entry = getItem();
                if (entry == null || pane.actions == null) {
                    return;
                }
                java.util.List<javafx.scene.control.MenuItem> items = pane.actions.itemsFor(entry);
                if (items.isEmpty()) {
                    return;
                }
                javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
                menu.setId("feedContextMenu");
                menu.getItems().setAll(items);
                menu.show(this, e.getScreenX(), e.getScreenY());
                e.consume();
            });
        }

        @Override
        protected void updateItem(FeedEntry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (bound != null) {
                bound.unreadProperty().removeListener(countListener);
                bound = null;
            }
            if (empty || entry == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            bound = entry;
            entry.unreadProperty().addListener(countListener);
            boolean folder = entry.kind() == FeedEntry.Kind.FOLDER;
            chevron.setVisible(folder);
            chevron.setManaged(folder);
            chevron.setIconCode(entry.isExpanded() ? Feather.CHEVRON_DOWN : Feather.CHEVRON_RIGHT);
            box.setPadding(new Insets(0, 0, 0, entry.inFolder() ? 22 : 0));
            getStyleClass().remove("folder-row");
            if (folder) {
                getStyleClass().add("folder-row");
            }
            switch (entry.kind()) {
                case ALL -> {
                    icon.setIconCode(Feather.INBOX);
                    name.setText(Messages.get("feeds.all"));
                }
                case UNREAD -> {
                    icon.setIconCode(Feather.CIRCLE);
                    name.setText(Messages.get("feeds.unread"));
                }
                case STARRED -> {
                    icon.setIconCode(Feather.STAR);
                    name.setText(Messages.get("feeds.starred"));
                }
                case FOLDER -> {
                    icon.setIconCode(entry.isExpanded() ? Feather.FOLDER_MINUS : Feather.FOLDER);
                    name.setText(entry.folderName());
                }
                case FEED -> {
                    icon.setIconCode(Feather.RSS);
                    name.setText(entry.feed().displayTitle());
                }
                case SECTION -> {
                    icon.setIconCode(Feather.BOOKMARK);
                    name.setText(Messages.get("saved.heading"));
                }
                case SAVED -> {
                    icon.setIconCode(Feather.SEARCH);
                    name.setText(entry.savedSearch().name());
                }
            }
            boolean paused = entry.paused();
            boolean error = entry.hasError() || paused;
            warning.setVisible(error);
            warning.setManaged(error);
            warning.setIconCode(paused ? Feather.PAUSE_CIRCLE : Feather.ALERT_TRIANGLE);
            warning.getStyleClass().remove("feed-paused");
            if (paused) {
                warning.getStyleClass().add("feed-paused");
            }
            String tip = paused ? Messages.get("feeds.paused.tooltip", entry.pausedReason())
                    : error ? Messages.get("feeds.error.tooltip", entry.error())
                    : entry.feed() == null ? null : entry.feed().url();
            if (folder) {
                tip = Messages.get(entry.isExpanded() ? "feeds.folder.collapseTip" : "feeds.folder.expandTip");
            } else if (entry.kind() == FeedEntry.Kind.SAVED) {
                tip = Messages.get("saved.tooltip", org.cryptosec.reader.ui.SearchLabels.describe(entry.savedSearch()));
            }
            getStyleClass().remove("section-row");
            if (entry.kind() == FeedEntry.Kind.SECTION) {
                getStyleClass().add("section-row");
            }
            setTooltip(tip == null ? null : new Tooltip(tip));
            name.getStyleClass().remove("smart-list");
            if (entry.kind() != FeedEntry.Kind.FEED && entry.kind() != FeedEntry.Kind.SAVED && !folder) {
                name.getStyleClass().add("smart-list");
            }
            updateCount();
            setGraphic(box);
        }

        private void updateCount() {
            FeedEntry entry = bound;
            boolean show = entry != null && entry.unread() > 0
                    && (entry.kind() == FeedEntry.Kind.UNREAD || entry.kind() == FeedEntry.Kind.FEED
                        || entry.kind() == FeedEntry.Kind.FOLDER || entry.kind() == FeedEntry.Kind.SAVED);
            count.setText(show ? Integer.toString(entry.unread()) : "");
            count.setVisible(show);
            count.setManaged(show);
        }
    }
}
