package org.cryptosec.reader.ui.main;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;
import org.cryptosec.reader.ui.Messages;
import org.cryptosec.reader.ui.feeds.FeedEntry;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's menus. Items with a modifier key carry a real accelerator; the one-letter reading
 * keys (j, k, space, m, s, o, r, /, ?) are handled by the window and only named in the item text,
 * so that typing in the search box never triggers them.
 */
final class MainMenu {

    private MainMenu() {
    }

    static MenuBar build(MainWindow window, MainViewModel model) {
        Menu file = new Menu(Messages.get("menu.file"));
        file.setId("fileMenu");
        file.getItems().addAll(
                item("menu.file.addFeed", "addFeedItem", Feather.PLUS, "Shortcut+N", window::openAddFeed),
                item("menu.file.importOpml", "importOpmlItem", Feather.UPLOAD, "Shortcut+O", window::importOpml),
                item("menu.file.exportOpml", "exportOpmlItem", Feather.DOWNLOAD, "Shortcut+E", window::exportOpml),
                new SeparatorMenuItem(),
                item("menu.file.refresh", "refreshItem", Feather.REFRESH_CW, "F5", model::refreshAll),
                new SeparatorMenuItem(),
                item("menu.file.preferences", "preferencesItem", Feather.SETTINGS, "Shortcut+Comma",
                        window::openPreferences),
                item("menu.file.reloadSynonyms", "reloadSynonymsItem", Feather.BOOK_OPEN, null, model::reloadSynonyms),
                new SeparatorMenuItem(),
                item("menu.file.quit", "quitItem", Feather.LOG_OUT, "Shortcut+Q", window::quit));

        Menu feed = new Menu(Messages.get("menu.feed"));
        feed.setId("feedMenu");
        MenuItem rename = item("feeds.rename", "renameFeedItem", Feather.EDIT_2, "F2",
                () -> window.feedActions().rename(selectedFeed(model)));
        MenuItem move = item("feeds.newFolder", "moveFeedItem", Feather.FOLDER_PLUS, "Shortcut+Shift+M",
                () -> window.feedActions().moveToNewFolder(selectedFeed(model)));
        MenuItem retry = item("feeds.retry", "retryFeedItem", Feather.ROTATE_CW, null,
                () -> model.feeds().retry(selectedFeed(model)));
        MenuItem error = item("feeds.showError", "showErrorItem", Feather.ALERT_TRIANGLE, null,
                () -> window.feedActions().showError(selectedFeed(model)));
        MenuItem remove = item("feeds.remove", "removeFeedMenuItem", Feather.TRASH_2, "Shortcut+BACK_SPACE",
                () -> window.feedActions().remove(selectedFeed(model)));
        feed.getItems().addAll(rename, move, new SeparatorMenuItem(), retry, error, new SeparatorMenuItem(), remove);
        feed.setOnShowing(e -> {
            FeedEntry selected = selectedFeed(model);
            for (MenuItem item : new MenuItem[] {rename, move, retry, remove}) {
                item.setDisable(selected == null);
            }
            error.setDisable(selected == null || !selected.hasError());
        });

        Menu article = new Menu(Messages.get("menu.article"));
        article.setId("articleMenu");
        article.getItems().addAll(
                item("menu.article.next", "nextItem", Feather.CHEVRON_DOWN, null, () -> window.nextArticle()),
                item("menu.article.previous", "previousItem", Feather.CHEVRON_UP, null, () -> window.previousArticle()),
                item("menu.article.page", "pageItem", Feather.CHEVRONS_DOWN, null, window::pageDown),
                new SeparatorMenuItem(),
                item("menu.article.read", "toggleReadItem", Feather.CHECK_CIRCLE, null, model::toggleReadSelected),
                item("menu.article.star", "toggleStarItem", Feather.STAR, null, model::toggleStarredSelected),
                item("menu.article.open", "openOriginalItem", Feather.EXTERNAL_LINK, null, window::openOriginal),
                item("menu.article.delete", "deleteArticleItem", Feather.TRASH_2, null, window::deleteArticle),
                new SeparatorMenuItem(),
                item("menu.article.search", "searchItem", Feather.SEARCH, "Shortcut+F", window::focusSearch),
                item("saved.save", "saveSearchItem", Feather.BOOKMARK, "Shortcut+S",
                        () -> window.feedActions().saveSearch(model.articles().activeSearch())));

        Menu view = new Menu(Messages.get("menu.view"));
        view.setId("viewMenu");
        view.getItems().addAll(
                item("menu.view.authors", "authorsItem", Feather.USERS, "Shortcut+Shift+A", window::showAuthors));

        Menu help = new Menu(Messages.get("menu.help"));
        help.setId("helpMenu");
        help.getItems().addAll(
                item("menu.help.shortcuts", "shortcutsItem", Feather.HELP_CIRCLE, "F1", window::showShortcuts));

        MenuBar bar = new MenuBar(file, feed, article, view, help);
        bar.setId("menuBar");
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private static FeedEntry selectedFeed(MainViewModel model) {
        FeedEntry entry = model.feeds().selected();
        return entry != null && entry.kind() == FeedEntry.Kind.FEED ? entry : null;
    }

    private static MenuItem item(String key, String id, Feather icon, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(Messages.get(key), new FontIcon(icon));
        item.setId(id);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }
}
