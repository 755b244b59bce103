package org.cryptosec.reader.ui.authors;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.model.AuthorCount;
import org.cryptosec.reader.ui.Formats;
import org.cryptosec.reader.ui.Messages;
import org.cryptosec.reader.ui.reader.AuthorInfo;
import org.cryptosec.reader.ui.reader.ReaderView;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The authors window: every author with their article count on the left (filter as you type), the
 * chosen author's profile on the right: avatar, name, bio, links (system browser) and their
 * articles; double-click or Enter on an article opens it in the main window's reader.
 */
public final class AuthorsWindow {

    private static final double AVATAR = 88;

    private final AuthorsViewModel model;
    private final Formats formats;
    private final LongConsumer openArticle;
    private final Consumer<String> linkOpener;
    private final Stage stage = new Stage();
    private final ListView<AuthorCount> authors = new ListView<>();
    private final ListView<ArticleSummary> articles = new ListView<>();
    private final StackPane avatarBox = new StackPane();
    private final Label name = new Label();
    private final Label bio = new Label();
    private final Label count = new Label();
    private final FlowPane links = new FlowPane(10, 4);

    public AuthorsWindow(Window owner, AuthorsViewModel model, Formats formats, LongConsumer openArticle,
            Consumer<String> linkOpener, java.util.List<String> stylesheets) {
        this.model = model;
        this.formats = formats;
        this.openArticle = openArticle;
        this.linkOpener = linkOpener;
        stage.initOwner(owner);
        stage.setTitle(Messages.get("authors.title"));

        TextField filter = new TextField();
        filter.setId("authorFilter");
        filter.setPromptText(Messages.get("authors.filter"));
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !authors.getItems().isEmpty()) {
                authors.requestFocus();
                authors.getSelectionModel().selectFirst();
            }
        });
        Label info = new Label();
        info.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        info.textProperty().bind(model.infoProperty());
        authors.setId("authorList");
        authors.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
        authors.setItems(model.authors());
        authors.setCellFactory(v -> new AuthorCell());
        authors.getSelectionModel().selectedItemProperty().addListener((obs, old, a) -> model.choose(a));
        authors.setPlaceholder(new Label(Messages.get("authors.empty")));
        VBox.setVgrow(authors, Priority.ALWAYS);
        VBox left = new VBox(8, filter, info, authors);
        left.setPadding(new Insets(10, 0, 0, 0));
        VBox.setMargin(filter, new Insets(0, 10, 0, 10));
        VBox.setMargin(info, new Insets(0, 10, 0, 12));
        left.setMinWidth(220);

        name.setId("authorName");
        name.getStyleClass().add(Styles.TITLE_2);
        name.setWrapText(true);
        bio.setId("authorBio");
        bio.setWrapText(true);
        bio.getStyleClass().add("author-bio");
        bio.setMaxWidth(640);
        bio.setMinHeight(Region.USE_PREF_SIZE);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        VBox text = new VBox(6, name, count, links);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox head = new HBox(18, avatarBox, text);
        head.setAlignment(Pos.CENTER_LEFT);
        Label articlesHeading = new Label(Messages.get("author.articles"));
        articlesHeading.getStyleClass().addAll(Styles.TEXT_CAPTION, Styles.TEXT_MUTED, "section-heading");
        articles.setId("authorArticles");
        articles.getStyleClass().addAll(Tweaks.EDGE_TO_EDGE, "author-articles");
        articles.setItems(model.profile().articles());
        articles.setCellFactory(v -> new ArticleCell());
        articles.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                openSelected();
            }
        });
        articles.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            }
        });
        VBox.setVgrow(articles, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(model.profile().errorProperty());
        error.visibleProperty().bind(model.profile().errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox right = new VBox(14, head, bio, error, articlesHeading, articles);
        right.setId("authorProfile");
        right.setPadding(new Insets(22, 24, 0, 24));
        right.getStyleClass().add("author-profile");
        model.profile().authorProperty().addListener((obs, old, a) -> paint(a));
        model.profile().links().addListener((javafx.collections.ListChangeListener<String>) c -> showLinks());
        paint(null);

        SplitPane split = new SplitPane(left, right);
        split.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(left, false);
        Scene scene = new Scene(split, 980, 640);
        scene.getStylesheets().addAll(stylesheets);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.setScene(scene);
        model.load();
    }

    /** Shows the window (or brings it to the front). */
    public void show() {
        stage.show();
        stage.toFront();
    }

    /** Shows the window on this author's profile. */
    public void showAuthor(String nameOrId) {
        authors.getSelectionModel().clearSelection();
        model.profile().show(nameOrId);
        show();
    }

    public Stage stage() {
        return stage;
    }

    private void openSelected() {
        ArticleSummary chosen = articles.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            openArticle.accept(chosen.id());
        }
    }

    private void paint(AuthorInfo author) {
        avatarBox.getChildren().clear();
        if (author == null) {
            name.setText(Messages.get("authors.choose"));
            bio.setText("");
            count.setText("");
            return;
        }
        avatarBox.getChildren().add(ReaderView.avatar(author, AVATAR));
        name.setText(author.name());
        bio.setText(author.hasBio() ? author.bio().strip() : Messages.get("author.noBio"));
        count.setText(Messages.get("author.count", author.articles()));
        stage.setTitle(Messages.get("authors.titleWith", author.name()));
    }

    private void showLinks() {
        links.getChildren().clear();
        for (String url : model.profile().links()) {
            Hyperlink link = new Hyperlink(url, new FontIcon(Feather.EXTERNAL_LINK));
            link.setOnAction(e -> linkOpener.accept(url));
            links.getChildren().add(link);
        }
    }

    private static final class AuthorCell extends ListCell<AuthorCount> {
        private final Label label = new Label();
        private final Label number = new Label();
        private final HBox box;

        AuthorCell() {
            label.setMaxWidth(Double.MAX_VALUE);
            label.setMinWidth(0);
            HBox.setHgrow(label, Priority.ALWAYS);
            number.getStyleClass().add("unread-count");
            number.setMinWidth(Region.USE_PREF_SIZE);
            box = new HBox(8, new FontIcon(Feather.USER), label, number);
            box.setAlignment(Pos.CENTER_LEFT);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(AuthorCount item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            label.setText(item.author().name());
            number.setText(Integer.toString(item.articles()));
            setGraphic(box);
        }
    }

    private final class ArticleCell extends ListCell<ArticleSummary> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final VBox box = new VBox(2, title, meta);

        ArticleCell() {
            title.getStyleClass().add("article-title");
            title.setMinWidth(0);
            meta.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED);
            box.setMinWidth(0);
            box.setPrefWidth(0);
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        }

        @Override
        protected void updateItem(ArticleSummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.title());
            title.getStyleClass().remove("unread");
            if (!item.read()) {
                title.getStyleClass().add("unread");
            }
            meta.setText(formats.byline(item.source(), java.util.List.of(), item.published()));
            setGraphic(box);
        }
    }
}
