package org.cryptosec.reader.ui.feeds;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.cryptosec.reader.model.Feed;
import org.cryptosec.reader.service.Library;
import org.cryptosec.reader.task.TaskHandle;
import org.cryptosec.reader.ui.FxTaskExecutor;
import org.cryptosec.reader.ui.Messages;

/** The "Add feed" dialog: a URL, subscribed off the UI thread, with the error shown in place. */
public final class AddFeedViewModel {

    private final Library library;
    private final FxTaskExecutor tasks;
    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status");
    private final BooleanBinding canSubscribe;
    private TaskHandle<Feed> running;

    public AddFeedViewModel(Library library, FxTaskExecutor tasks) {
        this.library = Objects.requireNonNull(library, "library");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.canSubscribe = Bindings.createBooleanBinding(
                () -> !busy.get() && url.get() != null && !url.get().isBlank(), busy, url);
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The reason the last attempt failed, for the dialog; null when there is none. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** A progress line while subscribing, or null. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public BooleanBinding canSubscribeProperty() {
        return canSubscribe;
    }

    /**
     * Subscribes to the URL in the background. {@code onAdded} runs on the UI thread with the new
     * feed; on failure the error property holds the reason and the dialog stays open.
     */
    public void subscribe(Consumer<Feed> onAdded) {
        String text = url.get() == null ? "" : url.get().strip();
        if (text.isEmpty()) {
            error.set(Messages.get("addFeed.empty"));
            return;
        }
        if (busy.get()) {
            return;
        }
        busy.set(true);
        error.set(null);
        status.set(Messages.get("addFeed.busy"));
        running = tasks.submit("subscribe " + text, (progress, cancellation) -> library.subscribe(text),
                new FxTaskExecutor.Callbacks<Feed>() {
                    @Override
                    public void succeeded(Feed feed) {
                        running = null;
                        busy.set(false);
                        status.set(Messages.get("addFeed.added", feed.displayTitle()));
                        onAdded.accept(feed);
                    }

                    @Override
                    public void failed(Throwable failure) {
                        running = null;
                        busy.set(false);
                        status.set(null);
                        error.set(FeedListViewModel.message(failure));
                    }

                    @Override
                    public void cancelled() {
                        running = null;
                        busy.set(false);
                        status.set(null);
                    }
                });
    }

    /** Asks a running subscription to stop (the dialog was closed). */
    public void cancel() {
        if (running != null) {
            running.cancel();
        }
    }
}
