package org.cryptosec.reader.ui.reader;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.concurrent.Worker;
import javafx.scene.input.DragEvent;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.w3c.dom.events.EventTarget;

/**
 * A WebView for stored articles that runs no script and never navigates: JavaScript is off, the
 * reader stylesheet is a data: user stylesheet, there is no context menu, no popups and no drops,
 * and a clicked link is cancelled in the page and handed to {@code linkOpener} (the system browser).
 * If a navigation starts anyway, it is cancelled and the article is shown again.
 */
public final class ArticleWebView {

    private static final Logger LOG = LoggerFactory.getLogger(ArticleWebView.class);

    private final Consumer<String> linkOpener;
    private WebView webView;
    private String styleLocation = ReaderPage.stylesheetDataUri(org.cryptosec.reader.ui.Theme.isDark());
    private Consumer<WebView> onCreated = view -> { };
    private String shownDocument = "";

    public ArticleWebView(Consumer<String> linkOpener) {
        this.linkOpener = Objects.requireNonNull(linkOpener, "linkOpener");
    }

    /** Called once the WebView exists (it is made on first use: loading WebKit takes about a second). */
    public void setOnCreated(Consumer<WebView> action) {
        this.onCreated = action == null ? view -> { } : action;
        if (webView != null) {
            onCreated.accept(webView);
        }
    }

    /** True once the WebView has been made. */
    public boolean isCreated() {
        return webView != null;
    }

    private void create() {
        webView = new WebView();
        webView.setContextMenuEnabled(false);
        webView.addEventFilter(DragEvent.ANY, DragEvent::consume);
        WebEngine engine = webView.getEngine();
        engine.setJavaScriptEnabled(false);
        engine.setUserStyleSheetLocation(styleLocation);
        engine.setCreatePopupHandler(features -> null);
        engine.getLoadWorker().stateProperty().addListener((obs, old, state) -> {
            if (state == Worker.State.SUCCEEDED) {
                interceptLinks(engine.getDocument());
            }
        });
        engine.locationProperty().addListener((obs, old, location) -> {
            if (location != null && !isOwnLocation(location)) {
                LOG.warn("Blocked navigation of the reader to {}", location);
                Platform.runLater(() -> {
                    engine.getLoadWorker().cancel();
                    open(location);
                    engine.loadContent(shownDocument);
                });
            }
        });
        engine.loadContent(shownDocument);
        onCreated.accept(webView);
    }

    /** The WebView, made now if it was not yet. */
    public WebView view() {
        if (webView == null) {
            create();
        }
        return webView;
    }

    /** Applies the theme and the reader's typography to the page shown and to the next ones. */
    public void setStyle(boolean dark, org.cryptosec.reader.ui.prefs.Settings.ReaderStyle style) {
        String location = ReaderPage.stylesheetDataUri(dark, style);
        if (location.equals(styleLocation)) {
            return;
        }
        styleLocation = location;
        if (webView != null) {
            webView.getEngine().setUserStyleSheetLocation(location);
            webView.getEngine().loadContent(shownDocument);
        }
    }

    /** Shows this whole HTML document. */
    public void show(String html) {
        shownDocument = html == null ? "" : html;
        if (webView != null) {
            webView.getEngine().loadContent(shownDocument);
        }
    }

    /**
     * Scrolls the page down by most of a screen (up when {@code up}). Returns false when it was
     * already at the end (the top), so the caller can move on. Runs our own script through the
     * engine: the page's scripts stay disabled.
     */
    public boolean page(boolean up) {
        if (webView == null) {
            return false;
        }
        Object moved = webView.getEngine().executeScript(up
                ? "(function(){var y=window.pageYOffset;if(y<=1)return false;"
                        + "window.scrollBy(0,-Math.round(window.innerHeight*0.9));return true;})()"
                : "(function(){var d=document.documentElement,b=document.body;"
                        + "var max=Math.max(d.scrollHeight,b?b.scrollHeight:0)-window.innerHeight;"
                        + "if(window.pageYOffset>=max-2)return false;"
                        + "window.scrollBy(0,Math.round(window.innerHeight*0.9));return true;})()");
        return Boolean.TRUE.equals(moved);
    }

    /** The page's vertical scroll offset in pixels. */
    public double scrollY() {
        if (webView == null) {
            return 0;
        }
        Object y = webView.getEngine().executeScript("window.pageYOffset");
        return y instanceof Number n ? n.doubleValue() : 0;
    }

    public String shownDocument() {
        return shownDocument;
    }

    /** Hands an http(s) or mailto address to the opener; anything else is ignored. */
    void open(String href) {
        if (href == null) {
            return;
        }
        String url = href.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:")) {
            linkOpener.accept(url);
        } else {
            LOG.debug("Ignored a link that is not http(s) or mailto: {}", url);
        }
    }

    private static boolean isOwnLocation(String location) {
        return location.isEmpty() || location.equals("about:blank");
    }

    private void interceptLinks(Document document) {
        if (document == null) {
            return;
        }
        NodeList links = document.getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            if (links.item(i) instanceof Element link && link instanceof EventTarget target) {
                target.addEventListener("click", event -> {
                    event.preventDefault();
                    event.stopPropagation();
                    open(link.getAttribute("href"));
                }, false);
            }
        }
    }
}
