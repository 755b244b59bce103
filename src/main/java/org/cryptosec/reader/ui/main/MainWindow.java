package org.cryptosec.reader.ui.main;

import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.MenuBar;
import javafx.scene.layout.BorderPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.cryptosec.reader.ui.Messages;
import org.cryptosec.reader.ui.authors.AuthorsWindow;
import org.cryptosec.reader.ui.feeds.FeedActions;
import org.cryptosec.reader.ui.reader.AuthorInfo;
import org.cryptosec.reader.ui.Formats;
import org.cryptosec.reader.ui.articles.ArticleListView;
import org.cryptosec.reader.ui.feeds.AddFeedDialog;
import org.cryptosec.reader.ui.feeds.FeedListView;
import org.cryptosec.reader.ui.reader.ReaderView;
import org.cryptosec.reader.ui.status.StatusBar;

/**
 * The window's content: feeds | articles | reader in a SplitPane, the status bar below, and the
 * keyboard: j/k next/previous, m read, s star, r refresh, / search, Esc clears the search.
 */
public final class MainWindow extends BorderPane {

    private final MainViewModel model;
    private final FeedListView feedsView;
    private final ArticleListView articlesView;
    private final ReaderView readerView;
    private final FeedActions feedActions;
    private final MenuBar menuBar;
    private final Formats formats;
    private final Consumer<String> linkOpener;
    private AuthorsWindow authorsWindow;
    private final SplitPane split;
    private java.util.function.Supplier<org.cryptosec.reader.ui.prefs.PreferencesViewModel> preferences;
    private boolean swallowTyped;
    private boolean checkIndexAfterFirstList;
    private final javafx.scene.layout.VBox toastLayer = new javafx.scene.layout.VBox(8);
    /** How long a toast stays up. */
    static final javafx.util.Duration TOAST_TIME = javafx.util.Duration.seconds(8);
    /** How long after the first list is painted the search index is checked against the library. */
    static final javafx.util.Duration INDEX_CHECK_DELAY = javafx.util.Duration.seconds(4);

    public MainWindow(MainViewModel model, Formats formats, Consumer<String> linkOpener) {
        this.model = model;
        this.formats = formats;
        this.linkOpener = linkOpener;
        setId("mainWindow");
        getStyleClass().add("main-window");
        feedsView = new FeedListView(model.feeds());
        articlesView = new ArticleListView(model.articles(), formats);
        readerView = new ReaderView(model.reader(), model.articles().selectedProperty(),
                model::toggleReadSelected, model::toggleStarredSelected, linkOpener);

        feedsView.refreshButton().setOnAction(e -> model.refreshAll());
        feedsView.refreshButton().disableProperty().bind(model.refresh().runningProperty());
        feedsView.addButton().setOnAction(e -> openAddFeed());
        feedsView.authorsButton().setOnAction(e -> showAuthors());
        readerView.setOnAuthor(this::showAuthor);
        readerView.setOnRelated(model::openArticle);
        feedActions = new FeedActions(model.feeds(), this::owner);
        feedsView.setActions(feedActions);

        split = new SplitPane(feedsView, articlesView, readerView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.19, 0.48);
        SplitPane.setResizableWithParent(feedsView, false);
        SplitPane.setResizableWithParent(articlesView, false);
        toastLayer.setId("toastLayer");
        toastLayer.getStyleClass().add("toast-layer");
        toastLayer.setPickOnBounds(false);
        toastLayer.setAlignment(javafx.geometry.Pos.TOP_RIGHT);
        toastLayer.setPadding(new javafx.geometry.Insets(12, 16, 0, 0));
        setCenter(new javafx.scene.layout.StackPane(split, toastLayer));
        model.notificationProperty().addListener((obs, old, text) -> {
            if (text != null && !text.isBlank()) {
                toast(text);
            }
        });
        String synonymWarning = model.synonymWarning();
        if (synonymWarning != null) {
            toast(synonymWarning);
        }
        articlesView.saveSearchButton().setOnAction(e -> feedActions.saveSearch(model.articles().activeSearch()));
        menuBar = MainMenu.build(this, model);
        setTop(menuBar);
        setBottom(new StatusBar(model.refresh()));
        prepareReaderAfterFirstList();
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        // A shortcut's key press moves focus (e.g. "/" to the search box): its typed character must not follow it there.
        addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowTyped) {
                swallowTyped = false;
                e.consume();
            }
        });
        addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
    }

    public FeedListView feedsView() {
        return feedsView;
    }

    public ArticleListView articlesView() {
        return articlesView;
    }

    public ReaderView readerView() {
        return readerView;
    }

    public MainViewModel model() {
        return model;
    }

    /** Shows a small non-modal notification at the top right for a few seconds (at most three at once). */
    public void toast(String text) {
        atlantafx.base.controls.Notification note = new atlantafx.base.controls.Notification(text,
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.feather.Feather.BELL));
        note.getStyleClass().addAll(atlantafx.base.theme.Styles.ACCENT, atlantafx.base.theme.Styles.ELEVATED_1);
        note.getStyleClass().add("toast");
        note.setMaxWidth(360);
        note.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setOnClose(e -> toastLayer.getChildren().remove(note));
        toastLayer.getChildren().add(0, note);
        while (toastLayer.getChildren().size() > 3) {
            toastLayer.getChildren().remove(toastLayer.getChildren().size() - 1);
        }
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(TOAST_TIME);
        later.setOnFinished(e -> toastLayer.getChildren().remove(note));
        later.play();
    }

    /** The notifications shown now (for tests). */
    public java.util.List<String> toasts() {
        return toastLayer.getChildren().stream().filter(n -> n instanceof atlantafx.base.controls.Notification)
                .map(n -> ((atlantafx.base.controls.Notification) n).getMessage()).toList();
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    /** The rename / move / remove / retry actions on feed rows (and their dialogs). */
    public FeedActions feedActions() {
        return feedActions;
    }

    Window owner() {
        Scene scene = getScene();
        return scene == null ? null : scene.getWindow();
    }

    /** Asks for an OPML file and subscribes to its feeds. */
    public void importOpml() {
        FileChooser chooser = opmlChooser(Messages.get("opml.import.title"));
        java.io.File file = chooser.showOpenDialog(owner());
        if (file != null) {
            model.importOpml(file.toPath());
        }
    }

    /** Asks where to write the subscriptions as OPML. */
    public void exportOpml() {
        FileChooser chooser = opmlChooser(Messages.get("opml.export.title"));
        chooser.setInitialFileName("cryptosec-subscriptions.opml");
        java.io.File file = chooser.showSaveDialog(owner());
        if (file != null) {
            model.exportOpml(file.toPath());
        }
    }

    private static FileChooser opmlChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(Messages.get("opml.filter"), "*.opml", "*.xml"),
                new FileChooser.ExtensionFilter(Messages.get("opml.filterAll"), "*"));
        return chooser;
    }

    /**
     * WebKit takes about a second to load: the reader's page is made just after the article list
     * has been painted for the first time (or found empty), so it does not delay the list.
     */
    private void prepareReaderAfterFirstList() {
        javafx.beans.value.ChangeListener<Boolean> listener = new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean loading) {
                if (!loading) {
                    model.articles().loadingProperty().removeListener(this);
                    afterListPainted(MainWindow.this::prepareReader);
                }
            }
        };
        model.articles().loadingProperty().addListener(listener);
    }

    private void prepareReader() {
        if (checkIndexAfterFirstList) {
            // Reading every id from SQLite and the index takes about a second of CPU at 100,000 articles
            // and holds the database while it reads: not while the first articles are being opened.
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(INDEX_CHECK_DELAY);
            later.setOnFinished(e -> {
                if (getScene() == null || getScene().getWindow() == null || !getScene().getWindow().isShowing()) {
                    return; // closed meanwhile
                }
                model.refresh().checkIndex(changes -> {
                    if (changes > 0) {
                        model.articles().reload(); // a search shown may find more now
                    }
                });
            });
            later.play();
        }
        readerView.articleView().view();
        java.util.List<org.cryptosec.reader.ui.articles.ArticleRow> rows = model.articles().rows();
        if (!rows.isEmpty()) {
            model.reader().warmUp(rows.get(rows.size() - 1).id()); // not the first: no data cached for it
        }
    }

    /**
     * Runs {@code then} once the article list has been laid out with data (or found empty) and that
     * frame has gone to the screen: creating the WebView blocks the UI thread for about a second,
     * which must not come before the list's first paint (measured: it did, 40 ms after the page
     * arrived, while the first frame of the new window still waited for its CSS and layout). Without
     * a scene yet, or if the list never shows within two seconds, it runs anyway.
     */
    private void afterListPainted(Runnable then) {
        Scene scene = getScene();
        if (scene == null) {
            javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(40));
            later.setOnFinished(e -> then.run());
            later.play();
            return;
        }
        boolean[] done = {false};
        int[] laidOut = {0};
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                then.run();
            }
        };
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            if (done[0]) {
                scene.removePostLayoutPulseListener(pulse[0]);
                return;
            }
            if (laidOut[0] == 0 && (model.articles().rows().isEmpty() || articlesView.showsRows())) {
                laidOut[0] = 1; // laid out with data now: painted after this pulse
            } else if (laidOut[0] == 1) {
                scene.removePostLayoutPulseListener(pulse[0]);
                javafx.application.Platform.runLater(once);
                return;
            }
            javafx.application.Platform.requestNextPulse();
        };
        scene.addPostLayoutPulseListener(pulse[0]);
        javafx.application.Platform.requestNextPulse();
        javafx.animation.PauseTransition fallback = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(2));
        fallback.setOnFinished(e -> {
            scene.removePostLayoutPulseListener(pulse[0]);
            if (scene.getWindow() != null && scene.getWindow().isShowing()) {
                once.run();
            }
        });
        fallback.play();
    }

    /**
     * Checks the search index against the library in the background once the first list is painted
     * (the library was opened without that check, so the window shows sooner).
     */
    public void checkIndexAfterFirstList() {
        this.checkIndexAfterFirstList = true;
    }

    /** The three panes' dividers (remembered between runs). */
    public SplitPane split() {
        return split;
    }

    /** Where the preferences dialog gets its model (set by the application, which owns the settings). */
    public void setPreferences(java.util.function.Supplier<org.cryptosec.reader.ui.prefs.PreferencesViewModel> source) {
        this.preferences = source;
    }

    /** Opens the preferences (changes apply at once). */
    public void openPreferences() {
        if (preferences != null) {
            new org.cryptosec.reader.ui.prefs.PreferencesDialog(owner(), preferences.get()).show();
        }
    }

    /** Opens the authors window (all authors with their article counts). */
    public void showAuthors() {
        authorsWindow().show();
    }

    /** Opens the authors window on this author's profile (a click on an author in the reader). */
    public void showAuthor(AuthorInfo author) {
        if (author != null) {
            authorsWindow().showAuthor(author.id() > 0 ? Long.toString(author.id()) : author.name());
        }
    }

    /** The authors window, made on first use. */
    public AuthorsWindow authorsWindow() {
        if (authorsWindow == null) {
            Scene scene = getScene();
            authorsWindow = new AuthorsWindow(owner(), model.newAuthors(), formats, model::openArticle, linkOpener,
                    scene == null ? java.util.List.of() : scene.getStylesheets());
        }
        return authorsWindow;
    }

    /** Space: pages the reader down; at the end of the article, goes to the next unread one. */
    public void pageDown() {
        if (!model.reader().showingProperty().get() || !readerView.articleView().page(false)) {
            if (!model.articles().selectNextUnread()) {
                model.refresh().announce(Messages.get("articles.noMoreUnread"), null);
            }
            articlesView.list().requestFocus();
        }
    }

    /** Opens the shown article's original page in the system browser (o). */
    public void openOriginal() {
        readerView.openOriginal();
    }

    /** Shows the list of keyboard shortcuts (?). */
    public void showShortcuts() {
        new ShortcutsDialog(owner()).show();
    }

    /** Selects the next article (j). */
    public void nextArticle() {
        model.articles().selectNext();
        articlesView.list().requestFocus();
    }

    /** Selects the previous article (k). */
    public void previousArticle() {
        model.articles().selectPrevious();
        articlesView.list().requestFocus();
    }

    /** Puts the cursor in the search box (/). */
    public void focusSearch() {
        articlesView.searchField().requestFocus();
        articlesView.searchField().selectAll();
    }

    /** Asks whether to delete the selected article for good (Delete key), then deletes it. */
    public void deleteArticle() {
        org.cryptosec.reader.ui.articles.ArticleRow row = model.articles().selected();
        if (row == null) {
            return;
        }
        javafx.scene.control.ButtonType delete = new javafx.scene.control.ButtonType(
                Messages.get("articles.delete.confirm"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        javafx.scene.control.Alert confirm = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, Messages.get("articles.delete.text"), delete,
                new javafx.scene.control.ButtonType(Messages.get("dialog.cancel"),
                        javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
        confirm.initOwner(owner());
        confirm.setTitle(Messages.get("articles.delete.title"));
        confirm.setHeaderText(Messages.get("articles.delete.header", row.title()));
        if (confirm.showAndWait().filter(delete::equals).isPresent()) {
            model.deleteSelected();
            articlesView.list().requestFocus();
        }
    }

    /** Closes the window (and so the app). */
    public void quit() {
        Window window = owner();
        if (window != null) {
            window.hide();
        }
    }

    /** Opens the "Add feed" dialog. */
    public void openAddFeed() {
        Scene scene = getScene();
        AddFeedDialog dialog = new AddFeedDialog(scene == null ? null : scene.getWindow(), model.newAddFeed(),
                model::subscribed);
        dialog.show();
    }

    /** At first start (no feed yet): offers the bundled sources; nothing is subscribed unless chosen. */
    public void offerCatalogue() {
        java.util.List<org.cryptosec.reader.model.CatalogueEntry> catalogue = model.catalogueToOffer();
        if (catalogue.isEmpty()) {
            return;
        }
        Scene scene = getScene();
        new org.cryptosec.reader.ui.feeds.CatalogueDialog(scene == null ? null : scene.getWindow(), catalogue)
                .showAndWait().ifPresent(model::subscribeCatalogue);
    }

    private void onKey(KeyEvent event) {
        if (event.isControlDown() || event.isAltDown() || event.isMetaDown()) {
            return;
        }
        boolean typing = event.getTarget() instanceof TextInputControl;
        if (typing) {
            return;
        }
        String text = event.getText();
        KeyCode code = event.getCode();
        if ("?".equals(text) || (code == KeyCode.SLASH && event.isShiftDown())) {
            swallowTyped = true;
            event.consume();
            showShortcuts();
            return;
        } else if (code == KeyCode.SLASH || "/".equals(text)) {
            focusSearch();
        } else if (code == KeyCode.SPACE) {
            if (event.isShiftDown()) {
                readerView.articleView().page(true);
            } else {
                pageDown();
            }
        } else if (code == KeyCode.O) {
            openOriginal();
        } else if (code == KeyCode.J) {
            nextArticle();
        } else if (code == KeyCode.K) {
            previousArticle();
        } else if (code == KeyCode.M) {
            model.toggleReadSelected();
        } else if (code == KeyCode.S) {
            model.toggleStarredSelected();
        } else if (code == KeyCode.DELETE && model.articles().selected() != null) {
            deleteArticle();
        } else if (code == KeyCode.R && !event.isShiftDown()) {
            model.refreshAll();
        } else if (code == KeyCode.F2 && model.feeds().selected() != null
                && model.feeds().selected().kind() == org.cryptosec.reader.ui.feeds.FeedEntry.Kind.FEED) {
            // Before the list's own F2 (edit in place), which a feed row does not support.
            feedActions.rename(model.feeds().selected());
        } else if (code == KeyCode.ESCAPE && !model.articles().queryProperty().get().isEmpty()) {
            model.articles().clearSearch();
        } else {
            return;
        }
        swallowTyped = true;
        event.consume();
    }
}
