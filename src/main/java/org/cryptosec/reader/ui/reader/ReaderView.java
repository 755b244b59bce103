package org.cryptosec.reader.ui.reader;

import atlantafx.base.theme.Styles;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Rectangle2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.web.WebView;
import org.cryptosec.reader.ui.Messages;
import org.cryptosec.reader.ui.articles.ArticleRow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The right pane: a header (title, source, date, reading time, authors with round avatars, star
 * and read buttons) over a WebView that shows the stored article. The WebView runs no script and
 * loads nothing: the page carries a Content-Security-Policy and only data: images, and a clicked
 * link opens in the system browser instead of in the view.
 */
public final class ReaderView extends VBox {

    private java.util.function.LongConsumer onRelated = id -> { };

    private static final double AVATAR = 40;

    private final ReaderViewModel model;
    private final ArticleWebView articleView;
    private final StackPane webHolder = new StackPane();
    private final Label title = new Label();
    private final Label meta = new Label();
    private final FlowPane authorsPane = new FlowPane(12, 6);
    private final Button starButton = new Button(null, new FontIcon(Feather.STAR));
    private final Button readButton = new Button(null, new FontIcon(Feather.CHECK_CIRCLE));
    private final Button openButton = new Button(null, new FontIcon(Feather.EXTERNAL_LINK));
    private Consumer<AuthorInfo> onAuthor = author -> { };

    /**
     * @param selectedRow the article row the buttons act on (its read/starred state is shown)
     * @param linkOpener opens an http(s) or mailto address outside the app (the system browser)
     */
    public ReaderView(ReaderViewModel model, ObjectProperty<ArticleRow> selectedRow,
            Runnable toggleRead, Runnable toggleStarred, Consumer<String> linkOpener) {
        this.model = model;
        this.articleView = new ArticleWebView(linkOpener);
        getStyleClass().add("reader-pane");
        setId("readerPane");

        title.setId("readerTitle");
        title.getStyleClass().addAll(Styles.TITLE_2, "reader-title");
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        title.textProperty().bind(model.titleProperty());

        meta.setId("readerMeta");
        meta.getStyleClass().addAll(Styles.TEXT_MUTED, "reader-meta");
        meta.setWrapText(true);
        meta.textProperty().bind(Bindings.createStringBinding(() -> join(
                model.sourceProperty().get(), model.dateProperty().get(), model.readingTimeProperty().get()),
                model.sourceProperty(), model.dateProperty(), model.readingTimeProperty()));

        authorsPane.setId("readerAuthors");
        authorsPane.getStyleClass().add("reader-authors");
        model.authors().addListener((ListChangeListener<AuthorInfo>) change -> rebuildAuthors());

        for (Button b : new Button[] {starButton, readButton, openButton}) {
            b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
            b.setFocusTraversable(false);
        }
        starButton.setId("starButton");
        readButton.setId("readButton");
        openButton.setId("openButton");
        starButton.setOnAction(e -> toggleStarred.run());
        readButton.setOnAction(e -> toggleRead.run());
        openButton.setTooltip(new Tooltip(Messages.get("reader.open")));
        openButton.setOnAction(e -> openExternally(model.urlProperty().get()));
        openButton.disableProperty().bind(model.urlProperty().isEmpty());
        ChangeListener<Boolean> stateListener = (obs, o, n) -> updateButtons(selectedRow.get());
        selectedRow.addListener((obs, old, row) -> {
            if (old != null) {
                old.readProperty().removeListener(stateListener);
                old.starredProperty().removeListener(stateListener);
            }
            if (row != null) {
                row.readProperty().addListener(stateListener);
                row.starredProperty().addListener(stateListener);
            }
            updateButtons(row);
        });
        updateButtons(selectedRow.get());
        HBox buttons = new HBox(2, starButton, readButton, openButton);
        buttons.setAlignment(Pos.TOP_RIGHT);
        buttons.setMinWidth(Region.USE_PREF_SIZE);

        VBox text = new VBox(6, title, meta, authorsPane);
        // Take the width that is left and wrap in it, so the buttons stay on screen with a long title.
        text.setMinWidth(0);
        text.setPrefWidth(0);
        title.setMinWidth(0);
        meta.setMinWidth(0);
        authorsPane.setMinWidth(0);
        authorsPane.prefWrapLengthProperty().bind(text.widthProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox header = new HBox(12, text, buttons);
        header.setId("readerHeader");
        header.getStyleClass().add("reader-header");
        header.setPadding(new Insets(18, 24, 14, 32));
        header.visibleProperty().bind(model.showingProperty());
        header.managedProperty().bind(header.visibleProperty());

        Label error = new Label();
        error.getStyleClass().addAll(Styles.DANGER);
        error.setWrapText(true);
        error.setPadding(new Insets(8, 24, 0, 32));
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        webHolder.setId("readerPage");
        webHolder.setMinWidth(200);
        VBox.setVgrow(webHolder, Priority.ALWAYS);
        articleView.setOnCreated(view -> {
            view.setId("readerWebView");
            view.setMinWidth(200);
            webHolder.getChildren().setAll(view);
        });

        getChildren().addAll(header, error, webHolder, relatedPane(model));
        articleView.show(model.documentProperty().get());
        model.documentProperty().addListener((obs, old, html) -> {
            articleView.show(html);
            articleView.view(); // an article to show: the page is needed now
        });
        setMinWidth(320);
    }

    /** The page view (made now if it was not yet; see {@link ArticleWebView#isCreated()}). */
    /** Sets what a click on a related article does (the window opens it). */
    public void setOnRelated(java.util.function.LongConsumer action) {
        this.onRelated = action == null ? id -> { } : action;
    }

    /** "Related": up to five articles like this one, under the page; hidden when there are none. */
    private VBox relatedPane(ReaderViewModel model) {
        Label heading = new Label(Messages.get("reader.related"));
        heading.getStyleClass().addAll(atlantafx.base.theme.Styles.TEXT_SMALL, atlantafx.base.theme.Styles.TEXT_BOLD,
                atlantafx.base.theme.Styles.TEXT_MUTED);
        VBox links = new VBox(0);
        VBox pane = new VBox(2, heading, links);
        pane.setId("relatedPane");
        pane.getStyleClass().add("related-pane");
        pane.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.related()));
        pane.managedProperty().bind(pane.visibleProperty());
        model.related().addListener((javafx.collections.ListChangeListener<ReaderViewModel.RelatedArticle>) c -> {
            links.getChildren().clear();
            for (ReaderViewModel.RelatedArticle article : model.related()) {
                javafx.scene.control.Hyperlink link = new javafx.scene.control.Hyperlink(article.title());
                link.getStyleClass().add("related-link");
                link.setMaxWidth(Double.MAX_VALUE);
                link.setMinWidth(0);
                link.setTooltip(new javafx.scene.control.Tooltip(
                        (article.source() == null ? "" : article.source())
                        + (article.published() == null ? "" : " \u00b7 " + article.published().toString().substring(0, 10))));
                link.setOnAction(e -> onRelated.accept(article.id()));
                links.getChildren().add(link);
            }
        });
        return pane;
    }

    public WebView webView() {
        return articleView.view();
    }

    /** What a click on an author in the header does (the window opens their profile). */
    public void setOnAuthor(Consumer<AuthorInfo> action) {
        this.onAuthor = action == null ? author -> { } : action;
    }

    /** The component that shows the article page (scrolling, reader stylesheet). */
    public ArticleWebView articleView() {
        return articleView;
    }

    /** Opens the shown article's original page in the system browser (o). */
    public void openOriginal() {
        openExternally(model.urlProperty().get());
    }

    private void openExternally(String href) {
        articleView.open(href);
    }

    private void updateButtons(ArticleRow row) {
        boolean present = row != null;
        starButton.setDisable(!present);
        readButton.setDisable(!present);
        boolean starred = present && row.isStarred();
        boolean read = present && row.isRead();
        starButton.getStyleClass().remove("active");
        readButton.getStyleClass().remove("active");
        if (starred) {
            starButton.getStyleClass().add("active");
        }
        if (!read && present) {
            readButton.getStyleClass().add("active");
        }
        ((FontIcon) readButton.getGraphic()).setIconCode(read ? Feather.CHECK_CIRCLE : Feather.CIRCLE);
        starButton.setTooltip(new Tooltip(Messages.get(starred ? "reader.unstar" : "reader.star")));
        readButton.setTooltip(new Tooltip(Messages.get(read ? "reader.markUnread" : "reader.markRead")));
    }

    private void rebuildAuthors() {
        authorsPane.getChildren().clear();
        for (AuthorInfo author : model.authors()) {
            Label name = new Label(author.name());
            name.getStyleClass().add("reader-author-name");
            VBox about = new VBox(1, name);
            about.setAlignment(Pos.CENTER_LEFT);
            if (author.hasBio()) {
                Label bio = new Label(AuthorInfo.shortBio(author.bio()));
                bio.getStyleClass().addAll(Styles.TEXT_MUTED, "reader-author-bio");
                bio.setWrapText(true);
                bio.setMaxWidth(620);
                about.getChildren().add(bio);
            }
            HBox chip = new HBox(10, avatar(author), about);
            chip.setAlignment(Pos.CENTER_LEFT);
            chip.getStyleClass().add("reader-author");
            chip.setCursor(javafx.scene.Cursor.HAND);
            chip.setOnMouseClicked(e -> onAuthor.accept(author));
            if (author.hasBio()) {
                Tooltip tip = new Tooltip(author.bio() + "\n\n" + Messages.get("reader.authorClick"));
                tip.setWrapText(true);
                tip.setMaxWidth(420);
                Tooltip.install(chip, tip);
            } else {
                Tooltip.install(chip, new Tooltip(Messages.get("reader.authorClick")));
            }
            authorsPane.getChildren().add(chip);
        }
    }

    /** A round avatar from the stored image, or the author's initials in a circle. */
    static Node avatar(AuthorInfo author) {
        return avatar(author, AVATAR);
    }

    /** A round avatar of this diameter from the stored image, or the author's initials in a circle. */
    public static Node avatar(AuthorInfo author, double size) {
        Image image = decode(author.avatarDataUri());
        if (image != null) {
            ImageView view = new ImageView(image);
            double side = Math.min(image.getWidth(), image.getHeight());
            view.setViewport(new Rectangle2D((image.getWidth() - side) / 2, (image.getHeight() - side) / 2, side, side));
            view.setFitWidth(size);
            view.setFitHeight(size);
            view.setSmooth(true);
            view.setClip(new Circle(size / 2, size / 2, size / 2));
            view.getStyleClass().add("avatar");
            return view;
        }
        Label initials = new Label(author.initials());
        initials.getStyleClass().add("avatar-initials");
        if (size > AVATAR) {
            initials.setStyle("-fx-font-size: " + Math.round(size / 3) + "px;");
        }
        Circle circle = new Circle(size / 2);
        circle.getStyleClass().add("avatar-circle");
        StackPane pane = new StackPane(circle, initials);
        pane.setMinSize(size, size);
        pane.setMaxSize(size, size);
        return pane;
    }

    /** Decodes a base64 data: URI into an image, or null when it is missing or not an image we can draw. */
    static Image decode(String dataUri) {
        if (dataUri == null || !dataUri.startsWith("data:image/")) {
            return null;
        }
        int comma = dataUri.indexOf(',');
        if (comma < 0 || !dataUri.substring(0, comma).endsWith(";base64")) {
            return null;
        }
        try {
            byte[] bytes = Base64.getMimeDecoder().decode(dataUri.substring(comma + 1));
            Image image = new Image(new ByteArrayInputStream(bytes));
            return image.isError() || image.getWidth() < 1 || image.getHeight() < 1 ? null : image;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                if (text.length() > 0) {
                    text.append("  \u00b7  ");
                }
                text.append(part);
            }
        }
        return text.toString();
    }
}
