package org.cryptosec.reader.ui.main;

import java.util.function.Consumer;
import javafx.geometry.Orientation;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
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
    private boolean swallowTyped;

    public MainWindow(MainViewModel model, Formats formats, Consumer<String> linkOpener) {
        this.model = model;
        setId("mainWindow");
        getStyleClass().add("main-window");
        feedsView = new FeedListView(model.feeds());
        articlesView = new ArticleListView(model.articles(), formats);
        readerView = new ReaderView(model.reader(), model.articles().selectedProperty(),
                model::toggleReadSelected, model::toggleStarredSelected, linkOpener);

        feedsView.refreshButton().setOnAction(e -> model.refreshAll());
        feedsView.refreshButton().disableProperty().bind(model.refresh().runningProperty());
        feedsView.addButton().setOnAction(e -> openAddFeed());

        SplitPane split = new SplitPane(feedsView, articlesView, readerView);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.19, 0.48);
        SplitPane.setResizableWithParent(feedsView, false);
        SplitPane.setResizableWithParent(articlesView, false);
        setCenter(split);
        setBottom(new StatusBar(model.refresh()));
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
        if (code == KeyCode.SLASH || "/".equals(text)) {
            articlesView.searchField().requestFocus();
            articlesView.searchField().selectAll();
        } else if (code == KeyCode.J) {
            model.articles().selectNext();
            articlesView.list().requestFocus();
        } else if (code == KeyCode.K) {
            model.articles().selectPrevious();
            articlesView.list().requestFocus();
        } else if (code == KeyCode.M) {
            model.toggleReadSelected();
        } else if (code == KeyCode.S) {
            model.toggleStarredSelected();
        } else if (code == KeyCode.R && !event.isShiftDown()) {
            model.refreshAll();
        } else if (code == KeyCode.ESCAPE && !model.articles().queryProperty().get().isEmpty()) {
            model.articles().clearSearch();
        } else {
            return;
        }
        swallowTyped = true;
        event.consume();
    }
}
