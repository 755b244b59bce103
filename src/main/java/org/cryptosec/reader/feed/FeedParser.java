package org.cryptosec.reader.feed;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEnclosure;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdom2.Element;
import org.jdom2.input.JDOMParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXParseException;

/** The only user of Rome. Thread-safe. */
public final class FeedParser {

    private static final Logger LOG = LoggerFactory.getLogger(FeedParser.class);

    private static final Set<String> FEED_ROOTS = Set.of("rss", "feed", "rdf:rdf", "rdf", "channel");
    private static final Pattern FIRST_IMG = Pattern.compile("<img\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE_EXTENSION = Pattern.compile("(?i)\\.(jpe?g|png|gif|webp|avif)(\\?.*)?$");

    private final JsonFeedParser jsonParser = new JsonFeedParser();

    /**
     * @param body the raw bytes as fetched
     * @param contentType the HTTP Content-Type, or null
     * @param feedUrl the feed's URL, base for relative links
     */
    public ParsedFeed parse(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        try {
            return parseChecked(body, contentType, feedUrl);
        } catch (FeedParseException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            LOG.debug("unexpected failure parsing {}", feedUrl, e);
            throw new FeedParseException("could not read the feed: " + describe(e), e);
        }
    }

    private ParsedFeed parseChecked(byte[] body, String contentType, String feedUrl) throws FeedParseException {
        if (body == null || isBlank(body)) {
            throw new FeedParseException("empty response: the server sent no content", null);
        }
        String mediaType = mediaType(contentType);
        int first = firstNonSpace(body);
        boolean jsonType = mediaType != null && (mediaType.endsWith("json") || mediaType.endsWith("+json"));
        if (first >= 0 && (body[first] == '{' || body[first] == '[') || jsonType && (first < 0 || body[first] != '<')) {
            return jsonParser.parse(FeedText.decodeOwn(body, null), feedUrl);
        }
        String text = FeedText.removeInvalidXmlChars(FeedText.decodeXml(body, contentType)).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).strip();
        }
        if (text.isEmpty()) {
            throw new FeedParseException("empty response: the server sent only white space", null);
        }
        if (text.charAt(0) == '{') {
            return jsonParser.parse(text, feedUrl);
        }
        if (text.charAt(0) != '<') {
            throw new FeedParseException("not a feed: the document is neither XML nor JSON (it starts with \""
                    + abbreviate(text, 40) + "\")", null);
        }
        Root root = Root.find(text);
        if (root.html() || ("text/html".equals(mediaType) || "application/xhtml+xml".equals(mediaType))
                && (root.name() == null || !FEED_ROOTS.contains(root.name().toLowerCase(Locale.ROOT)))) {
            throw new FeedParseException("not a feed: the server sent an HTML page", null);
        }
        if (root.name() == null) {
            throw new FeedParseException(root.truncated()
                    ? "the feed is truncated: the XML ends before the first element is complete"
                    : "not a feed: no XML element found", null);
        }
        if (root.name().equalsIgnoreCase("opml")) {
            throw new FeedParseException("not a feed: this is an OPML subscription list (import it instead)", null);
        }
        SyndFeed feed = buildWithRome(text, root);
        return convert(feed, feedUrl).withUpdateInterval(UpdateHints.interval(text));
    }

    private SyndFeed buildWithRome(String text, Root root) throws FeedParseException {
        try {
            return rome(text);
        } catch (ParsingFeedException strictFailure) {
            String repaired = XmlRepair.repair(text, root.offset());
            if (!repaired.equals(text)) {
                try {
                    SyndFeed feed = rome(repaired);
                    LOG.debug("feed parsed after repair (undeclared prefixes / bare ampersands): {}",
                            strictFailure.getMessage());
                    return feed;
                } catch (ParsingFeedException | IllegalArgumentException stillBroken) {
                    LOG.debug("repair did not help: {}", stillBroken.getMessage());
                } catch (FeedException stillBroken) {
                    LOG.debug("repair did not help: {}", stillBroken.getMessage());
                }
            }
            throw new FeedParseException(xmlErrorMessage(strictFailure), strictFailure);
        } catch (IllegalArgumentException notAFeed) {
            String fixed = XmlRepair.fixRoot(text, root.offset(), root.name());
            if (fixed != null) {
                try {
                    SyndFeed feed = rome(fixed);
                    LOG.debug("feed parsed after fixing its root element <{}>", root.name());
                    return feed;
                } catch (FeedException | IllegalArgumentException stillUnknown) {
                    LOG.debug("root fix did not help: {}", stillUnknown.getMessage());
                }
            }
            throw new FeedParseException("not a feed: the root element <" + root.name()
                    + "> is not RSS, Atom or RDF", notAFeed);
        } catch (FeedException e) {
            throw new FeedParseException("could not read the feed: " + e.getMessage(), e);
        }
    }

    private static SyndFeed rome(String xml) throws FeedException {
        SyndFeedInput input = new SyndFeedInput(false, Locale.US);
        input.setAllowDoctypes(true); // legitimate RSS 0.91 DOCTYPEs; external entities still expand to nothing
        input.setXmlHealerOn(true);
        return input.build(new StringReader(xml));
    }

    private static String xmlErrorMessage(ParsingFeedException e) {
        String detail = null;
        int line = e.getLineNumber();
        int column = e.getColumnNumber();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SAXParseException sax) {
                detail = sax.getMessage();
                line = sax.getLineNumber();
                column = sax.getColumnNumber();
            } else if (t instanceof JDOMParseException jdom && detail == null) {
                line = jdom.getLineNumber();
                column = jdom.getColumnNumber();
            }
        }
        if (detail == null) {
            // not a syntax error: Rome failed on a structure it did not expect
            Throwable cause = e.getCause();
            String causeMsg = cause == null ? "" : String.valueOf(cause.getMessage());
            if (causeMsg.contains("\"eChannel\" is null")) {
                return "not a valid feed: the RSS document has no <channel>";
            }
            return "not a valid feed: its structure could not be read"
                    + (cause != null ? " (" + cause.getClass().getSimpleName() + " in the feed library)" : ": " + e.getMessage());
        }
        String where = line > 0 ? " (line " + line + (column > 0 ? ", column " + column : "") + ")" : "";
        String lower = String.valueOf(detail).toLowerCase(Locale.ROOT);
        if (lower.contains("must start and end within the same entity") || lower.contains("premature end of file")
                || lower.contains("unexpected end")) {
            return "the feed is truncated: the XML ends before the document is complete" + where;
        }
        if (lower.contains("entity expansion") || lower.contains("jaxp0001")) {
            return "the feed defines too many entity expansions (possible entity bomb)" + where;
        }
        return "not well-formed XML: " + detail + where;
    }

    // ---------------------------------------------------------------- Rome to our model

    private ParsedFeed convert(SyndFeed feed, String feedUrl) {
        URI base = Urls.base(feedUrl);
        // the alternate (HTML) link is the site; Rome's getLink() may be the Atom id or self link
        String siteUrl = null;
        for (SyndLink link : safe(feed.getLinks())) {
            if ((link.getRel() == null || "alternate".equals(link.getRel()))
                    && (link.getType() == null || link.getType().contains("html"))) {
                siteUrl = Urls.resolve(base, link.getHref());
                if (siteUrl != null) {
                    break;
                }
            }
        }
        if (siteUrl == null) {
            siteUrl = Urls.resolve(base, feed.getLink());
        }
        String format = feed.getFeedType();
        boolean atom = format != null && format.startsWith("atom");
        List<String> feedAuthors = new ArrayList<>();
        if (atom) {
            Map<String, String> names = new LinkedHashMap<>();
            for (SyndPerson p : safe(feed.getAuthors())) {
                AuthorNames.addNames(p.getName(), names);
            }
            feedAuthors.addAll(names.values());
        }
        List<ParsedItem> items = new ArrayList<>();
        Set<String> guids = new LinkedHashSet<>();
        for (SyndEntry entry : safe(feed.getEntries())) {
            ParsedItem item = convert(entry, base, feedAuthors);
            if (!guids.add(item.guid())) {
                // duplicated GUIDs inside one feed would collide downstream; keep them apart by content
                item = new ParsedItem(item.guid() + "#" + hash(item.title(), item.url(), item.summaryHtml()),
                        item.url(), item.title(), item.authors(), item.published(), item.summaryHtml(),
                        item.contentHtml(), item.categories(), item.imageUrl());
                guids.add(item.guid());
            }
            items.add(item);
        }
        String feedTitle = blankToNull(Html.toText(feed.getTitle()));
        if (feedTitle == null && feed.getModule(DCModule.URI) instanceof DCModule feedDc) {
            feedTitle = blankToNull(Html.toText(feedDc.getTitle())); // <dc:title> on the channel
        }
        return new ParsedFeed(format, feedTitle, siteUrl,
                blankToNull(Html.toText(feed.getDescription())), blankToNull(trim(feed.getLanguage())), items);
    }

    private ParsedItem convert(SyndEntry entry, URI feedBase, List<String> feedAuthors) {
        String link = entry.getLink();
        if (isBlank(link)) {
            for (SyndLink l : safe(entry.getLinks())) {
                if (l.getRel() == null || "alternate".equals(l.getRel())) {
                    link = l.getHref();
                    break;
                }
            }
        }
        String url = Urls.resolve(feedBase, link);
        URI itemBase = url != null ? Urls.base(url) : feedBase;

        String title = blankToNull(Html.toText(entry.getTitle()));
        Instant published = toInstant(entry.getPublishedDate());
        if (published == null) {
            published = toInstant(entry.getUpdatedDate());
        }

        String summary = html(entry.getDescription());
        String content = null;
        for (SyndContent c : safe(entry.getContents())) {
            content = html(c);
            if (content != null) {
                break;
            }
        }

        Map<String, String> names = new LinkedHashMap<>();
        for (SyndPerson p : safe(entry.getAuthors())) {
            AuthorNames.addNames(p.getName() != null ? p.getName() : p.getEmail(), names);
        }
        DCModule dc = (DCModule) entry.getModule(DCModule.URI);
        if (title == null && dc != null) {
            title = blankToNull(Html.toText(dc.getTitle())); // <dc:title> instead of <title>
        }
        if (dc != null) {
            for (String creator : safe(dc.getCreators())) {
                AuthorNames.addNames(creator, names);
            }
        }
        if (names.isEmpty()) {
            AuthorNames.addNames(entry.getAuthor(), names);
        }
        List<String> authors = names.isEmpty() ? feedAuthors : new ArrayList<>(names.values());

        Map<String, String> categories = new LinkedHashMap<>();
        for (SyndCategory c : safe(entry.getCategories())) {
            String name = blankToNull(Html.toText(c.getName()));
            if (name != null) {
                categories.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
            }
        }
        if (dc != null) {
            for (DCSubject subject : safe(dc.getSubjects())) {
                String name = blankToNull(Html.toText(subject.getValue()));
                if (name != null) {
                    categories.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
                }
            }
        }

        String guid = blankToNull(trim(entry.getUri()));
        if (guid == null) {
            guid = url;
        }
        if (guid == null) {
            guid = "sha256:" + hash(title, published == null ? "" : published.toString(), summary == null ? "" : summary);
        }
        String image = imageOf(entry, itemBase, content, summary);
        return new ParsedItem(guid, url, title, authors, published, summary, content,
                new ArrayList<>(categories.values()), image);
    }

    /** media:content (image), media:thumbnail, an image enclosure, then the first img in the HTML. */
    private static String imageOf(SyndEntry entry, URI base, String content, String summary) {
        String thumbnail = null;
        for (Element e : mediaElements(entry)) {
            String url = e.getAttributeValue("url");
            if (isBlank(url)) {
                continue;
            }
            if (e.getName().equals("content")) {
                String medium = e.getAttributeValue("medium");
                String type = e.getAttributeValue("type");
                if ("image".equalsIgnoreCase(medium) || type != null && type.toLowerCase(Locale.ROOT).startsWith("image/")
                        || medium == null && type == null && IMAGE_EXTENSION.matcher(url).find()) {
                    String resolved = Urls.resolve(base, url);
                    if (resolved != null) {
                        return resolved;
                    }
                }
            } else if (e.getName().equals("thumbnail") && thumbnail == null) {
                thumbnail = Urls.resolve(base, url);
            }
        }
        if (thumbnail != null) {
            return thumbnail;
        }
        for (SyndEnclosure enclosure : safe(entry.getEnclosures())) {
            String type = enclosure.getType();
            String url = enclosure.getUrl();
            if (!isBlank(url) && (type != null && type.toLowerCase(Locale.ROOT).startsWith("image/")
                    || type == null && IMAGE_EXTENSION.matcher(url).find())) {
                String resolved = Urls.resolve(base, url);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        for (String html : new String[] {content, summary}) {
            if (html != null) {
                Matcher m = FIRST_IMG.matcher(html);
                if (m.find()) {
                    String resolved = Urls.resolve(base, Html.decodeEntities(m.group(1)));
                    if (resolved != null && !resolved.startsWith("data:")) {
                        return resolved;
                    }
                }
            }
        }
        return null;
    }

    /** Media RSS elements among the entry's foreign markup, media:group children included. */
    private static List<Element> mediaElements(SyndEntry entry) {
        List<Element> out = new ArrayList<>();
        for (Element e : safe(entry.getForeignMarkup())) {
            if (!isMedia(e)) {
                continue;
            }
            if (e.getName().equals("group")) {
                for (Element child : e.getChildren()) {
                    if (isMedia(child)) {
                        out.add(child);
                    }
                }
            } else {
                out.add(e);
            }
        }
        return out;
    }

    private static boolean isMedia(Element e) {
        String uri = e.getNamespaceURI();
        return uri != null && (uri.startsWith("http://search.yahoo.com/mrss") || "media".equals(e.getNamespacePrefix()));
    }

    private static String html(SyndContent c) {
        if (c == null || isBlank(c.getValue())) {
            return null;
        }
        String type = c.getType() == null ? "" : c.getType().toLowerCase(Locale.ROOT);
        if (type.equals("text") || type.equals("text/plain")) {
            return Html.textToHtml(c.getValue());
        }
        return c.getValue().strip();
    }

    // ---------------------------------------------------------------- helpers

    static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                digest.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Instant toInstant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static <T> List<T> safe(List<T> list) {
        return list == null ? List.of() : list;
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semi = contentType.indexOf(';');
        String t = (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    private static boolean isBlank(byte[] body) {
        return firstNonSpace(body) < 0;
    }

    /** Index of the first byte that is not white space or a UTF-8 BOM, or -1. */
    private static int firstNonSpace(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xff) == 0xEF && (body[1] & 0xff) == 0xBB && (body[2] & 0xff) == 0xBF) {
            i = 3;
        }
        for (; i < body.length; i++) {
            byte b = body[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return s == null ? null : s.strip();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String abbreviate(String s, int max) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "…";
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + abbreviate(msg, 200));
    }

    /** The document's root element as found by a light scan (prolog, comments, DOCTYPE skipped). */
    record Root(String name, int offset, boolean html, boolean truncated) {

        static Root find(String s) {
            int i = 0;
            int n = s.length();
            boolean htmlDoctype = false;
            while (i < n) {
                int lt = s.indexOf('<', i);
                if (lt < 0 || lt + 1 >= n) {
                    return new Root(null, -1, htmlDoctype, lt >= 0);
                }
                char c = s.charAt(lt + 1);
                if (c == '?') {
                    int end = s.indexOf("?>", lt);
                    if (end < 0) {
                        return new Root(null, -1, htmlDoctype, true);
                    }
                    i = end + 2;
                } else if (s.startsWith("<!--", lt)) {
                    int end = s.indexOf("-->", lt);
                    if (end < 0) {
                        return new Root(null, -1, htmlDoctype, true);
                    }
                    i = end + 3;
                } else if (c == '!') {
                    // DOCTYPE, possibly with an internal subset in [...]
                    String head = s.substring(lt, Math.min(n, lt + 20)).toLowerCase(Locale.ROOT);
                    if (head.matches("<!doctype\\s+html[\\s>].*") || head.matches("(?s)<!doctype\\s+html[\\s>].*")) {
                        htmlDoctype = true;
                    }
                    int bracket = s.indexOf('[', lt);
                    int gt = s.indexOf('>', lt);
                    if (gt < 0) {
                        return new Root(null, -1, htmlDoctype, true);
                    }
                    if (bracket >= 0 && bracket < gt) {
                        int close = s.indexOf("]", bracket);
                        gt = close < 0 ? -1 : s.indexOf('>', close);
                        if (gt < 0) {
                            return new Root(null, -1, htmlDoctype, true);
                        }
                    }
                    i = gt + 1;
                } else {
                    int j = lt + 1;
                    while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/') {
                        j++;
                    }
                    String name = s.substring(lt + 1, j);
                    if (name.isEmpty()) {
                        return new Root(null, -1, htmlDoctype, false);
                    }
                    boolean html = htmlDoctype || name.equalsIgnoreCase("html") || name.equalsIgnoreCase("head")
                            || name.equalsIgnoreCase("body");
                    return new Root(name, lt, html, false);
                }
            }
            return new Root(null, -1, htmlDoctype, false);
        }
    }
}
