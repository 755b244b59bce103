package org.cryptosec.reader.ui.authors;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.cryptosec.reader.model.AuthorCount;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;

/**
 * The authors list: every author in the library with how many articles they wrote (most first),
 * narrowed by the filter box as you type, and the profile of the one chosen.
 */
public final class AuthorsViewModel {

    private final Library library;
    private final FxTaskExecutor tasks;
    private final ObservableList<AuthorCount> shown = FXCollections.observableArrayList();
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ReadOnlyStringWrapper info = new ReadOnlyStringWrapper(this, "info", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final AuthorProfileViewModel profile;
    private List<AuthorCount> all = List.of();

    public AuthorsViewModel(Library library, FxTaskExecutor tasks) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.profile = new AuthorProfileViewModel(library, tasks);
        filter.addListener((obs, old, text) -> applyFilter());
    }

    /** Loads the authors in the background. */
    public void load() {
        tasks.submit("authors", (p, c) -> library.authors(), list -> {
            error.set(null);
            all = list.stream()
                    .sorted((a, b) -> a.articles() != b.articles() ? Integer.compare(b.articles(), a.articles())
                            : name(a).compareToIgnoreCase(name(b)))
                    .toList();
            applyFilter();
        }, failure -> error.set(Messages.get("authors.loadFailed", failure.getMessage())));
    }

    /** The authors that match the filter. */
    public ObservableList<AuthorCount> authors() {
        return shown;
    }

    /** Part of a name to narrow the list with (case and accents as typed are ignored for case only). */
    public StringProperty filterProperty() {
        return filter;
    }

    /** "12 authors". */
    public ReadOnlyStringProperty infoProperty() {
        return info.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The profile shown beside the list. */
    public AuthorProfileViewModel profile() {
        return profile;
    }

    /** Shows this author's profile. */
    public void choose(AuthorCount author) {
        if (author != null) {
            profile.show(Long.toString(author.author().id()));
        }
    }

    private void applyFilter() {
        String needle = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        List<AuthorCount> matching = needle.isEmpty() ? all
                : all.stream().filter(a -> name(a).toLowerCase(Locale.ROOT).contains(needle)).toList();
        shown.setAll(matching);
        info.set(Messages.get("authors.count", matching.size()));
    }

    private static String name(AuthorCount a) {
        return a.author().name() == null ? "" : a.author().name();
    }
}
