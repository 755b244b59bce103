package org.cryptosec.reader.ui.reader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cryptosec.reader.ui.Messages;
import org.cryptosec.reader.ui.prefs.Settings;

/**
 * Builds the document the reader's WebView shows: the article's offline HTML (images already
 * inlined as data: URIs) inside a page whose Content-Security-Policy forbids every load except
 * data: images and inline styles, followed by the "About the author" box.
 */
public final class ReaderPage {

    /** Nothing loads but data: images and inline style; no script, no frame, no form target. */
    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'";

    private static final Pattern BODY = Pattern.compile("<body[^>]*>(.*)</body\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern SAFE_IMAGE_URI = Pattern.compile("data:image/(png|jpeg|jpg|gif|webp|bmp);base64,[A-Za-z0-9+/=\\s]+");
    private static final String STYLESHEET = loadStylesheet("/ui/reader.css");
    private static final String DARK_STYLESHEET = loadStylesheet("/ui/reader-dark.css");

    private ReaderPage() {
    }

    /** The reader stylesheet (resources/ui/reader.css). */
    public static String stylesheet() {
        return STYLESHEET;
    }

    /** The stylesheet as a data: URI, for {@code WebEngine.setUserStyleSheetLocation}. */
    public static String stylesheetDataUri() {
        return stylesheetDataUri(false);
    }

    /** The stylesheet as a data: URI, with the dark overrides (resources/ui/reader-dark.css) when asked. */
    public static String stylesheetDataUri(boolean dark) {
        return stylesheetDataUri(dark, Settings.ReaderStyle.DEFAULT);
    }

    /** The stylesheet as a data: URI, with the dark overrides when asked and the reader's typography preferences. */
    public static String stylesheetDataUri(boolean dark, Settings.ReaderStyle style) {
        String css = STYLESHEET + "\n" + styleCss(style) + (dark ? "\n" + DARK_STYLESHEET : "");
        return "data:text/css;charset=utf-8;base64,"
                + Base64.getEncoder().encodeToString(css.getBytes(StandardCharsets.UTF_8));
    }

    /** The CSS of the reader preferences: font, size, line width, images hidden or shown. */
    public static String styleCss(Settings.ReaderStyle style) {
        StringBuilder css = new StringBuilder(256);
        css.append("body { font-family: ").append(Settings.fontStack(style.font()))
                .append("; font-size: ").append(style.fontSize()).append("px; }\n")
                .append("main.article, aside.about-authors { max-width: ").append(style.lineWidth()).append("ch; }\n");
        if (!style.images()) {
            css.append("main.article img, main.article figure, main.article picture, main.article svg,"
                    + " main.article video { display: none !important; }\n");
        }
        return css.toString();
    }

    /** A whole document around the article body. {@code lang} may be null. */
    public static String document(String articleHtml, String lang, List<AuthorInfo> authors) {
        StringBuilder html = new StringBuilder(articleHtml == null ? 256 : articleHtml.length() + 2048);
        html.append("<!DOCTYPE html>\n<html");
        if (lang != null && lang.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")) {
            html.append(" lang=\"").append(lang.toLowerCase(Locale.ROOT)).append('"');
        }
        html.append("><head><meta charset=\"utf-8\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(CONTENT_SECURITY_POLICY).append("\">")
                .append("<meta name=\"referrer\" content=\"no-referrer\">")
                .append("</head><body><main class=\"article\">")
                .append(body(articleHtml))
                .append("</main>");
        appendAuthors(html, authors);
        html.append("</body></html>");
        return html.toString();
    }

    /** The page shown when there is nothing to read. */
    public static String placeholder(String message) {
        return document("<p class=\"placeholder\">" + escape(message) + "</p>", null, List.of());
    }

    /** The inside of {@code <body>} when the HTML is a whole document, else the HTML as given. */
    static String body(String html) {
        if (html == null) {
            return "";
        }
        Matcher m = BODY.matcher(html);
        return m.find() ? m.group(1) : html;
    }

    private static void appendAuthors(StringBuilder html, List<AuthorInfo> authors) {
        List<AuthorInfo> withBio = authors == null ? List.of() : authors.stream().filter(AuthorInfo::hasBio).toList();
        if (withBio.isEmpty()) {
            return;
        }
        html.append("<aside class=\"about-authors\"><h2>")
                .append(escape(Messages.get(withBio.size() == 1 ? "reader.aboutAuthor" : "reader.aboutAuthors")))
                .append("</h2>");
        for (AuthorInfo author : withBio) {
            html.append("<section class=\"author\">");
            if (author.avatarDataUri() != null && SAFE_IMAGE_URI.matcher(author.avatarDataUri()).matches()) {
                html.append("<img class=\"avatar\" alt=\"\" src=\"").append(author.avatarDataUri()).append("\">");
            } else {
                html.append("<span class=\"avatar initials\">").append(escape(author.initials())).append("</span>");
            }
            html.append("<div class=\"author-text\"><h3>").append(escape(author.name())).append("</h3>");
            for (String paragraph : author.bio().strip().split("\\n\\s*\\n")) {
                html.append("<p>").append(escape(paragraph.strip())).append("</p>");
            }
            if (author.articles() > 0) {
                html.append("<p class=\"count\">").append(escape(Messages.get("reader.moreArticles", author.articles())))
                        .append("</p>");
            }
            html.append("</div></section>");
        }
        html.append("</aside>");
    }

    /** Escapes text for HTML content and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String loadStylesheet(String resource) {
        try (InputStream in = ReaderPage.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
