package org.cryptosec.reader.ui.articles;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.cryptosec.reader.ui.Formats;
import org.cryptosec.reader.ui.Messages;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The middle pane: the search box, a line about what is listed, and the article list. */
public final class ArticleListView extends VBox {

    static final double CELL_HEIGHT = 86;
    /** Two lines of excerpt text. */
    static final double EXCERPT_HEIGHT = 32;

    private final CustomTextField search = new CustomTextField();
    private final ListView<ArticleRow> list = new ListView<>();
    private final javafx.scene.control.Button saveSearch = new javafx.scene.control.Button(null,
            new FontIcon(Feather.BOOKMARK));
    private final FacetBar facetBar;

    public ArticleListView(ArticleListViewModel model, Formats formats) {
        getStyleClass().add("article-pane");
        setId("articlePane");

        search.setId("searchField");
        search.setPromptText(Messages.get("search.prompt"));
        search.setTooltip(new Tooltip(Messages.get("search.help")));
        search.setLeft(new FontIcon(Feather.SEARCH));
        FontIcon clear = new FontIcon(Feather.X);
        clear.setCursor(Cursor.HAND);
        clear.setOnMouseClicked(e -> model.clearSearch());
        clear.visibleProperty().bind(model.queryProperty().isNotEmpty());
        search.setRight(clear);
        search.textProperty().bindBidirectional(model.queryProperty());
        search.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.clearSearch();
                list.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.DOWN || e.getCode() == KeyCode.ENTER) {
                if (!list.getItems().isEmpty()) {
                    list.requestFocus();
                    if (list.getSelectionModel().isEmpty()) {
                        model.selectNext();
                    }
                }
                e.consume();
            }
        });
        saveSearch.setId("saveSearchButton");
        saveSearch.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        saveSearch.setTooltip(new Tooltip(Messages.get("saved.save.tooltip")));
        saveSearch.visibleProperty().bind(model.searchingProperty());
        saveSearch.managedProperty().bind(saveSearch.visibleProperty());
        HBox searchBox = new HBox(4, search, saveSearch);
        searchBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(search, Priority.ALWAYS);
        facetBar = new FacetBar(model);
        searchBox.setPadding(new Insets(10, 10, 6, 10));

        Label info = new Label();
        info.setId("articleInfo");
        info.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        info.textProperty().bind(model.infoProperty());
        Label error = new Label();
        error.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.DANGER);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.setWrapText(true);
        ProgressBar busy = new ProgressBar(-1);
        busy.getStyleClass().add(Styles.SMALL);
        busy.setPrefWidth(60);
        busy.visibleProperty().bind(model.loadingProperty());
        busy.managedProperty().bind(busy.visibleProperty().or(model.searchingProperty().not()));
        // the line wraps rather than cutting "250 results for …" short beside the sort toggle
        info.setWrapText(true);
        info.setMinWidth(0);
        info.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(info, Priority.ALWAYS);
        HBox infoLine = new HBox(8, info, busy, facetBar.sortBox());
        infoLine.setAlignment(Pos.CENTER_LEFT);
        infoLine.setPadding(new Insets(0, 12, 6, 14));

        list.setId("articleList");
        list.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "article-list");
        list.setItems(model.rows());
        list.setFixedCellSize(CELL_HEIGHT);
        list.setCellFactory(v -> new ArticleCell(model, formats));
        Label placeholder = new Label(Messages.get("articles.empty"));
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        list.setPlaceholder(placeholder);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && row != model.selected()) {
                model.selectedProperty().set(row);
            }
        });
        model.selectedProperty().addListener((obs, old, row) -> {
            if (row == null) {
                list.getSelectionModel().clearSelection();
            } else if (list.getSelectionModel().getSelectedItem() != row) {
                list.getSelectionModel().select(row);
                list.scrollTo(Math.max(0, list.getSelectionModel().getSelectedIndex() - 2));
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        getChildren().addAll(searchBox, facetBar, infoLine, error, list);
        setMinWidth(260);
    }

    public CustomTextField searchField() {
        return search;
    }

    /** True once a visible cell of the list shows an article (laid out with data, painted at the next pulse). */
    public boolean showsRows() {
        return list().lookupAll(".list-cell").stream()
                .anyMatch(n -> n instanceof javafx.scene.control.ListCell<?> cell && cell.isVisible()
                        && cell.getItem() != null && cell.getGraphic() != null);
    }

    public ListView<ArticleRow> list() {
        return list;
    }

    /** "Save search…": saves what is searched as a saved search (the window asks for the name). */
    public javafx.scene.control.Button saveSearchButton() {
        return saveSearch;
    }

    /** The facet dropdowns and sort toggle shown while a search is on. */
    public FacetBar facetBar() {
        return facetBar;
    }

    /** Title (bold while unread), "source · author · date", and the excerpt or the highlighted snippet. */
    static final class ArticleCell extends ListCell<ArticleRow> {
        private final ArticleListViewModel model;
        private final Formats formats;
        private final Label title = new Label();
        private final FontIcon star = new FontIcon(Feather.STAR);
        private final Label meta = new Label();
        private final Label excerptLabel = new Label();
        private final TextFlow snippet = new TextFlow();
        private final StackPane excerptBox = new StackPane();
        private final VBox box;
        private final InvalidationListener stateListener = obs -> updateState();
        private ArticleRow bound;

        ArticleCell(ArticleListViewModel model, Formats formats) {
            this.model = model;
            this.formats = formats;
            getStyleClass().add("article-cell");
            title.getStyleClass().add("article-title");
            title.setMinWidth(0);
            title.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(title, Priority.ALWAYS);
            star.getStyleClass().add("article-star");
            HBox titleLine = new HBox(6, title, star);
            titleLine.setAlignment(Pos.CENTER_LEFT);
            meta.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, "article-meta");
            meta.setMinWidth(0);
            excerptLabel.getStyleClass().add("article-excerpt");
            excerptLabel.setWrapText(true);
            excerptLabel.setMinWidth(0);
            excerptLabel.setAlignment(Pos.TOP_LEFT);
            snippet.getStyleClass().add("article-snippet");
            excerptBox.setAlignment(Pos.TOP_LEFT);
            excerptBox.setMinHeight(0);
            excerptBox.setPrefHeight(EXCERPT_HEIGHT);
            excerptBox.setMaxHeight(EXCERPT_HEIGHT);
            Rectangle clip = new Rectangle();
            clip.widthProperty().bind(excerptBox.widthProperty());
            clip.heightProperty().bind(excerptBox.heightProperty());
            excerptBox.setClip(clip);
            box = new VBox(2, titleLine, meta, excerptBox);
            box.setMinWidth(0);
            box.setPrefWidth(0);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ArticleRow row, boolean empty) {
            super.updateItem(row, empty);
            if (bound != null) {
                bound.readProperty().removeListener(stateListener);
                bound.starredProperty().removeListener(stateListener);
                bound = null;
            }
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            bound = row;
            row.readProperty().addListener(stateListener);
            row.starredProperty().addListener(stateListener);
            title.setText(row.title());
            meta.setText(formats.byline(row.source(), row.authors(), row.published()));
            if (row.snippet().isEmpty()) {
                // A wrapped label ends in an ellipsis when the excerpt is longer than two lines.
                excerptLabel.setText(row.excerpt());
                excerptBox.getChildren().setAll(excerptLabel);
            } else {
                snippet.getChildren().clear();
                for (SnippetText.Run run : row.snippet()) {
                    Text text = new Text(run.text());
                    text.getStyleClass().add(run.bold() ? "excerpt-match" : "excerpt-text");
                    snippet.getChildren().add(text);
                }
                excerptBox.getChildren().setAll(snippet);
            }
            updateState();
            setGraphic(box);
            if (getIndex() >= model.rows().size() - 20 && model.hasMore()) {
                model.loadMore();
            }
        }

        private void updateState() {
            ArticleRow row = bound;
            if (row == null) {
                return;
            }
            title.getStyleClass().remove("unread");
            if (!row.isRead()) {
                title.getStyleClass().add("unread");
            }
            star.setVisible(row.isStarred());
            star.setManaged(row.isStarred());
        }
    }
}
