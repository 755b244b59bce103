package org.cryptosec.reader.ui.main;

import java.util.Objects;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.Scene;
import javafx.util.Duration;
import org.cryptosec.reader.ui.articles.ArticleRow;

/**
 * {@code cryptosec gui --startup-report}: measures how long after the JVM started the article list
 * is painted with data (the pulse after the first layout in which a list cell shows an article),
 * waits for the reader's page (made just after the list), then selects the first article and
 * measures until the reader has loaded, laid out and painted it,
 * prints both and closes the window. Fails (with a reason) after a minute or on an empty library.
 */
public final class StartupReport {

    /** What was measured: milliseconds from JVM start to the painted list, and from selection to the painted article. */
    public record Result(long listMillis, long articleMillis, int rows, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private static final Duration TIMEOUT = Duration.seconds(60);

    private final MainWindow window;
    private final MainViewModel model;
    private final Consumer<String> printer;
    private final Consumer<Result> onDone;
    private Scene scene;
    private Runnable pulse;
    private int stage;
    private long listMillis;
    private long readerReadyMillis;
    private long articleMillis;
    private long nextMillis = -1;
    private long selectedAt;
    private long articleId;
    private boolean done;
    private boolean sawLoading;
    /**
     * Milliseconds from selection to the first pulse at which the reader showed the article's id: read
     * from the library, header set and the page handed to WebKit (first, next).
     */
    private final long[] dataMillis = {-1, -1};

    public StartupReport(MainWindow window, MainViewModel model, Consumer<String> printer, Consumer<Result> onDone) {
        this.window = Objects.requireNonNull(window, "window");
        this.model = Objects.requireNonNull(model, "model");
        this.printer = Objects.requireNonNull(printer, "printer");
        this.onDone = onDone == null ? r -> { } : onDone;
    }

    /** Starts watching the scene's pulses; call before the first articles are asked for. */
    public void start(Scene target) {
        this.scene = target;
        pulse = this::onPulse;
        scene.addPostLayoutPulseListener(pulse);
        PauseTransition timeout = new PauseTransition(TIMEOUT);
        timeout.setOnFinished(e -> finish(new Result(-1, -1, model.articles().rows().size(),
                "the article list did not show data within " + (long) TIMEOUT.toSeconds() + " s")));
        timeout.play();
    }

    private void onPulse() {
        if (done) {
            return;
        }
        switch (stage) {
            case 0 -> {
                if (model.articles().loadingProperty().get()) {
                    sawLoading = true;
                } else if (sawLoading && model.articles().rows().isEmpty()) {
                    finish(new Result(-1, -1, 0, "the library has no articles to list"));
                } else if (listShowsData()) {
                    stage = 1; // laid out with data now; painted before the next pulse
                }
            }
            case 1 -> {
                listMillis = org.cryptosec.reader.ui.StartupPhases.sinceJvmStart();
                org.cryptosec.reader.ui.StartupPhases.mark("list-painted");
                stage = 2;
            }
            case 2 -> {
                // The reader's page is made just after the list is painted; select once it is ready.
                var view = window.readerView().articleView();
                if (view.isCreated() && view.view().getEngine().getLoadWorker().getState() == Worker.State.SUCCEEDED) {
                    readerReadyMillis = org.cryptosec.reader.ui.StartupPhases.sinceJvmStart();
                    stage = 3;
                }
            }
            case 3 -> {
                stage = 4;
                ArticleRow first = model.articles().rows().get(0);
                articleId = first.id();
                selectedAt = System.nanoTime();
                model.articles().selectedProperty().set(first);
                scene.getWindow().requestFocus();
            }
            case 4 -> {
                var engine = window.readerView().webView().getEngine();
                if (dataMillis[0] < 0 && model.reader().articleIdProperty().get() == articleId) {
                    dataMillis[0] = (System.nanoTime() - selectedAt) / 1_000_000;
                }
                if (model.reader().articleIdProperty().get() == articleId
                        && engine.getLoadWorker().getState() == Worker.State.SUCCEEDED) {
                    stage = 5; // the page is loaded and laid out; painted before the next pulse
                }
            }
            case 5 -> {
                articleMillis = (System.nanoTime() - selectedAt) / 1_000_000;
                if (model.articles().rows().size() < 2) {
                    finish(new Result(listMillis, articleMillis, model.articles().rows().size(), null));
                    return;
                }
                stage = 6; // then the next one, as j does: the steady state once the window is warm
                ArticleRow next = model.articles().rows().get(1);
                articleId = next.id();
                selectedAt = System.nanoTime();
                model.articles().selectedProperty().set(next);
            }
            case 6 -> {
                var engine = window.readerView().webView().getEngine();
                if (dataMillis[1] < 0 && model.reader().articleIdProperty().get() == articleId) {
                    dataMillis[1] = (System.nanoTime() - selectedAt) / 1_000_000;
                }
                if (model.reader().articleIdProperty().get() == articleId
                        && engine.getLoadWorker().getState() == Worker.State.SUCCEEDED) {
                    stage = 7;
                }
            }
            case 7 -> {
                nextMillis = (System.nanoTime() - selectedAt) / 1_000_000;
                finish(new Result(listMillis, articleMillis, model.articles().rows().size(), null));
            }
            default -> {
                // finished
            }
        }
        if (!done) {
            Platform.requestNextPulse();
        }
    }

    private boolean listShowsData() {
        if (model.articles().rows().isEmpty()) {
            return false;
        }
        return window.articlesView().showsRows();
    }

    private void finish(Result result) {
        if (done) {
            return;
        }
        done = true;
        scene.removePostLayoutPulseListener(pulse);
        if (result.ok()) {
            printer.accept("startup: article list painted with data " + result.listMillis()
                    + " ms after JVM start (" + result.rows() + " rows loaded)");
            printer.accept("startup: reader page (WebKit) ready " + readerReadyMillis + " ms after JVM start");
            printer.accept("startup: first article shown " + result.articleMillis() + " ms after selecting it");
            if (nextMillis >= 0) {
                printer.accept("startup: next article shown " + nextMillis + " ms after selecting it");
            }
            printer.accept("startup: article handed to the reader (read from the library, header set, page given"
                    + " to WebKit) after " + dataMillis[0] + " ms (first), " + dataMillis[1]
                    + " ms (next); the rest is WebKit loading, laying out and painting the page");
            printer.accept("startup: phases (ms after JVM start): "
                    + String.join(", ", org.cryptosec.reader.ui.StartupPhases.marks()));
        } else {
            printer.accept("startup report failed: " + result.failure());
        }
        onDone.accept(result);
        Platform.runLater(() -> scene.getWindow().hide());
    }
}
