package org.cryptosec.reader.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * OPML 1.0/2.0 import and export.
 *
 * <p>Reading: every outline with an {@code xmlUrl} is a subscription; its category is the title of the innermost
 * enclosing folder (an outline without {@code xmlUrl}). A feed listed twice is kept once (the first). DOCTYPEs
 * are tolerated but external entities and DTDs are never loaded; entity bombs hit the JDK's limits.
 * Writing: OPML 2.0, one folder per category, feeds without category at the top level.
 */
public final class Opml {

    private Opml() {
    }

    public static List<OpmlOutline> read(byte[] xml) throws FeedParseException {
        if (xml == null || isBlank(xml)) {
            throw new FeedParseException("empty OPML file", null);
        }
        Document doc;
        try {
            doc = builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String where = e.getLineNumber() > 0 ? " (line " + e.getLineNumber() + ")" : "";
            String msg = String.valueOf(e.getMessage());
            if (msg.toLowerCase(Locale.ROOT).contains("premature end of file")
                    || msg.contains("must start and end within the same entity")) {
                throw new FeedParseException("the OPML file is truncated" + where, e);
            }
            if (msg.contains("JAXP0001") || msg.toLowerCase(Locale.ROOT).contains("entity expansion")) {
                throw new FeedParseException("the OPML file defines too many entity expansions (possible entity bomb)"
                        + where, e);
            }
            throw new FeedParseException("not a valid OPML file: " + msg + where, e);
        } catch (SAXException | IOException | RuntimeException e) {
            throw new FeedParseException("not a valid OPML file: " + e.getMessage(), e);
        }
        Element root = doc.getDocumentElement();
        if (root == null || !root.getTagName().equalsIgnoreCase("opml")) {
            throw new FeedParseException("not an OPML file: the root element is <"
                    + (root == null ? "none" : root.getTagName()) + ">", null);
        }
        Element body = child(root, "body");
        if (body == null) {
            throw new FeedParseException("not a valid OPML file: it has no <body>", null);
        }
        List<OpmlOutline> out = new ArrayList<>();
        collect(body, null, out, new LinkedHashSet<>(), 0);
        return out;
    }

    private static void collect(Element parent, String category, List<OpmlOutline> out, Set<String> seen, int depth) {
        if (depth > 100) {
            return; // absurd nesting: stop rather than recurse without end
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element e) || !e.getTagName().equalsIgnoreCase("outline")) {
                continue;
            }
            String xmlUrl = clean(attribute(e, "xmlUrl"));
            String title = clean(attribute(e, "title"));
            String text = clean(attribute(e, "text"));
            String name = title != null ? title : text;
            if (xmlUrl != null) {
                if (seen.add(xmlUrl)) {
                    out.add(new OpmlOutline(name != null ? name : xmlUrl, xmlUrl, clean(attribute(e, "htmlUrl")), category));
                }
                collect(e, category, out, seen, depth + 1);
            } else {
                collect(e, name != null ? name : category, out, seen, depth + 1);
            }
        }
    }

    public static String write(String title, List<OpmlOutline> outlines) {
        StringBuilder xml = new StringBuilder(1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n  <head>\n    <title>")
                .append(escape(title == null || title.isBlank() ? "Subscriptions" : title)).append("</title>\n")
                .append("    <dateCreated>").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("</dateCreated>\n  </head>\n  <body>\n");
        Map<String, List<OpmlOutline>> folders = new LinkedHashMap<>();
        List<OpmlOutline> topLevel = new ArrayList<>();
        for (OpmlOutline o : outlines == null ? List.<OpmlOutline>of() : outlines) {
            if (o == null || o.xmlUrl() == null || o.xmlUrl().isBlank()) {
                continue;
            }
            String category = o.category() == null ? null : o.category().strip();
            if (category == null || category.isEmpty()) {
                topLevel.add(o);
            } else {
                folders.computeIfAbsent(category, k -> new ArrayList<>()).add(o);
            }
        }
        for (OpmlOutline o : topLevel) {
            feed(xml, o, "    ");
        }
        for (Map.Entry<String, List<OpmlOutline>> folder : folders.entrySet()) {
            String name = escape(folder.getKey());
            xml.append("    <outline text=\"").append(name).append("\" title=\"").append(name).append("\">\n");
            for (OpmlOutline o : folder.getValue()) {
                feed(xml, o, "      ");
            }
            xml.append("    </outline>\n");
        }
        xml.append("  </body>\n</opml>\n");
        return xml.toString();
    }

    private static void feed(StringBuilder xml, OpmlOutline o, String indent) {
        String name = escape(o.title() == null || o.title().isBlank() ? o.xmlUrl() : o.title());
        xml.append(indent).append("<outline type=\"rss\" text=\"").append(name).append("\" title=\"").append(name)
                .append("\" xmlUrl=\"").append(escape(o.xmlUrl())).append('"');
        if (o.htmlUrl() != null && !o.htmlUrl().isBlank()) {
            xml.append(" htmlUrl=\"").append(escape(o.htmlUrl())).append('"');
        }
        xml.append("/>\n");
    }

    /** Escapes for XML text and double-quoted attributes; drops characters XML 1.0 cannot carry. */
    static String escape(String s) {
        String clean = FeedText.removeInvalidXmlChars(s);
        StringBuilder out = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- DOM helpers

    private static DocumentBuilder builder() throws FeedParseException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder b = f.newDocumentBuilder();
            b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            b.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) {
                    // ignored: warnings do not stop an import
                }

                @Override
                public void error(SAXParseException e) {
                    // ignored: validity errors (we do not validate)
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException | IllegalArgumentException e) {
            throw new FeedParseException("the XML parser cannot be configured safely: " + e.getMessage(), e);
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equalsIgnoreCase(name)) {
                return e;
            }
        }
        return null;
    }

    /** Attribute by name, case-insensitively (exporters write xmlUrl, xmlurl, XMLURL). */
    private static String attribute(Element e, String name) {
        String exact = e.getAttribute(name);
        if (!exact.isEmpty()) {
            return exact;
        }
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (a.getNodeName().equalsIgnoreCase(name)) {
                return a.getNodeValue();
            }
        }
        return null;
    }

    private static boolean isBlank(byte[] xml) {
        int start = xml.length >= 3 && (xml[0] & 0xff) == 0xEF && (xml[1] & 0xff) == 0xBB && (xml[2] & 0xff) == 0xBF ? 3 : 0;
        for (int i = start; i < xml.length; i++) {
            if (xml[i] != ' ' && xml[i] != '\n' && xml[i] != '\r' && xml[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    private static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
