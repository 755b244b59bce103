package org.cryptosec.reader.ui.authors;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cryptosec.reader.model.Author;
import org.cryptosec.reader.model.AuthorProfile;
import org.cryptosec.reader.model.ArticleSummary;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;
import org.cryptosec.reader.ui.reader.AuthorInfo;

/**
 * One author's profile: name, avatar (from the library), bio, links and their articles, newest
 * first. Loads off the UI thread; a newer request wins.
 */
public final class AuthorProfileViewModel {

    private final Library library;
    private final FxTaskExecutor tasks;
    private final ReadOnlyObjectWrapper<AuthorInfo> author = new ReadOnlyObjectWrapper<>(this, "author");
    private final ObservableList<ArticleSummary> articles = FXCollections.observableArrayList();
    private final ObservableList<String> links = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private long generation;

    public AuthorProfileViewModel(Library library, FxTaskExecutor tasks) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** Loads the profile of the author with this id or name. */
    public void show(String nameOrId) {
        long current = ++generation;
        loading.set(true);
        tasks.submit("author " + nameOrId, (p, c) -> load(nameOrId), loaded -> {
            if (current != generation) {
                return;
            }
            loading.set(false);
            if (loaded.isEmpty()) {
                author.set(null);
                articles.clear();
                links.clear();
                error.set(Messages.get("author.notFound", nameOrId));
                return;
            }
            error.set(null);
            author.set(loaded.get().info());
            links.setAll(loaded.get().links());
            articles.setAll(loaded.get().articles());
        }, failure -> {
            if (current == generation) {
                loading.set(false);
                error.set(Messages.get("author.loadFailed", failure.getMessage()));
            }
        });
    }

    private Optional<Loaded> load(String nameOrId) {
        Optional<AuthorProfile> found = library.author(nameOrId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Author a = found.get().author();
        String avatar = a.avatarUrl() == null || a.avatarUrl().isBlank() ? null : library.imageDataUri(a.avatarUrl());
        List<ArticleSummary> list = found.get().articles();
        AuthorInfo info = new AuthorInfo(a.id(), a.name(), a.bio(), a.url(), avatar, list.size());
        List<String> webLinks = a.url() != null && isWebLink(a.url()) ? List.of(a.url().strip()) : List.of();
        return Optional.of(new Loaded(info, webLinks, list));
    }

    /** Only http(s) addresses are offered as links (they open in the system browser). */
    static boolean isWebLink(String url) {
        String u = url.strip().toLowerCase(java.util.Locale.ROOT);
        return (u.startsWith("https://") || u.startsWith("http://")) && u.length() < 2048 && !u.contains(" ");
    }

    /** The author shown, or null. */
    public ReadOnlyObjectProperty<AuthorInfo> authorProperty() {
        return author.getReadOnlyProperty();
    }

    /** Their articles in the library, newest first. */
    public ObservableList<ArticleSummary> articles() {
        return articles;
    }

    /** Their pages on the web (http and https only). */
    public ObservableList<String> links() {
        return links;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    private record Loaded(AuthorInfo info, List<String> links, List<ArticleSummary> articles) {
    }
}
