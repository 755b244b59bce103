package org.cryptosec.reader.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * Prepares stored, sanitized HTML for the reader: every img src becomes the data: URI the function gives
 * for its URL (images the library lacks are removed), srcset and anything else that could load is dropped.
 */
public final class OfflineHtml {

    /** Elements that load or run something; removed with their content even though sanitized HTML never has them. */
    private static final Set<String> ACTIVE = Set.of(
            "script", "style", "link", "meta", "base", "iframe", "frame", "frameset", "object", "embed", "applet",
            "video", "audio", "source", "track", "picture", "svg", "math", "template", "noscript", "form", "input",
            "button", "portal", "image");

    private OfflineHtml() {
    }

    public static String render(String sanitizedHtml, Function<String, String> dataUriForUrl) {
        if (sanitizedHtml == null || sanitizedHtml.isBlank()) {
            return "";
        }
        Document doc = Jsoup.parseBodyFragment(sanitizedHtml);
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        List<Element> toRemove = new ArrayList<>();
        for (Element el : doc.body().getAllElements()) {
            if (el == doc.body()) {
                stripLoadingAttributes(el, false);
                continue;
            }
            String tag = el.normalName();
            if (ACTIVE.contains(tag) || tag.indexOf(':') >= 0) {
                toRemove.add(el);
                continue;
            }
            if (tag.equals("img")) {
                String dataUri = dataUri(el.attr("src"), dataUriForUrl);
                if (dataUri == null) {
                    toRemove.add(el);
                    continue;
                }
                stripLoadingAttributes(el, false);
                // WebKit keeps a height attribute while max-width shrinks the width: the reader's
                // stylesheet sizes images, so the page's fixed height would only distort them
                el.removeAttr("height");
                el.attr("src", dataUri);
            } else {
                stripLoadingAttributes(el, tag.equals("a"));
            }
        }
        for (Element el : toRemove) {
            el.remove();
        }
        return doc.body().html();
    }

    private static String dataUri(String src, Function<String, String> dataUriForUrl) {
        if (src == null || src.isBlank() || dataUriForUrl == null) {
            return null;
        }
        String uri;
        try {
            uri = dataUriForUrl.apply(src);
        } catch (RuntimeException e) {
            return null;
        }
        if (uri == null || !uri.regionMatches(true, 0, "data:image/", 0, "data:image/".length())) {
            return null;
        }
        // an SVG image can carry script or external references; only raster images are rendered
        if (uri.regionMatches(true, 0, "data:image/svg", 0, "data:image/svg".length())) {
            return null;
        }
        return uri;
    }

    /** Removes every attribute that can load a resource or run code; keeps href on links (the UI intercepts them). */
    private static void stripLoadingAttributes(Element el, boolean keepHref) {
        List<String> drop = new ArrayList<>();
        for (Attribute a : el.attributes()) {
            String name = a.getKey().toLowerCase(Locale.ROOT);
            boolean bad = name.startsWith("on") || name.equals("style") || name.equals("srcset") || name.equals("sizes")
                    || name.equals("src") || name.equals("poster") || name.equals("background") || name.equals("lowsrc")
                    || name.equals("dynsrc") || name.equals("ping") || name.equals("data") || name.equals("codebase")
                    || name.equals("formaction") || name.equals("action") || name.contains("href") && !keepHref
                    || name.equals("cite") || name.equals("longdesc") || name.equals("manifest") || name.equals("xmlns")
                    || name.indexOf(':') >= 0;
            if (bad) {
                drop.add(a.getKey());
            }
        }
        for (String key : drop) {
            el.removeAttr(key);
        }
    }
}
