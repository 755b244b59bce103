package org.cryptosec.reader.feed;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Repairs for XML that real feeds get wrong, used only for a second pass after a strict parse failed:
 * namespace prefixes used without a declaration (declared on the root element, with their usual URI when
 * known) and bare ampersands outside CDATA.
 */
final class XmlRepair {

    static final Map<String, String> KNOWN_NAMESPACES = Map.ofEntries(
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("dcterms", "http://purl.org/dc/terms/"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd"),
            Map.entry("slash", "http://purl.org/rss/1.0/modules/slash/"),
            Map.entry("wfw", "http://wellformedweb.org/CommentAPI/"),
            Map.entry("sy", "http://purl.org/rss/1.0/modules/syndication/"),
            Map.entry("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            Map.entry("georss", "http://www.georss.org/georss"),
            Map.entry("feedburner", "http://rssnamespace.org/feedburner/ext/1.0"),
            Map.entry("googleplay", "http://www.google.com/schemas/play-podcasts/1.0"),
            Map.entry("podcast", "https://podcastindex.org/namespace/1.0"),
            Map.entry("snf", "http://www.smartnews.be/snf"),
            Map.entry("xhtml", "http://www.w3.org/1999/xhtml"));

    private static final Pattern USED_ELEMENT_PREFIX = Pattern.compile("</?([A-Za-z_][\\w.-]*):[A-Za-z_]");
    private static final Pattern USED_ATTRIBUTE_PREFIX = Pattern.compile("\\s([A-Za-z_][\\w.-]*):[A-Za-z_][\\w.-]*\\s*=");
    private static final Pattern DECLARED_PREFIX = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
    private static final Pattern ROOT_START = Pattern.compile("<([A-Za-z_][\\w.:-]*)");
    private static final Pattern BARE_AMPERSAND = Pattern.compile("&(?!(#[0-9]{1,8}|#[xX][0-9a-fA-F]{1,8}|[A-Za-z][A-Za-z0-9]{0,31});)");

    private XmlRepair() {
    }

    /** The repaired document, or the same string when nothing needed repair. */
    static String repair(String xml, int rootOffset) {
        String s = declareMissingPrefixes(xml, rootOffset);
        return escapeBareAmpersands(s);
    }

    private static final Pattern ROOT_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)([^>]*)>");
    private static final Pattern VERSION_ATTR = Pattern.compile("\\sversion\\s*=\\s*([\"'])[^\"']*\\1");

    /**
     * For documents Rome does not recognise: an Atom {@code <feed>} without its namespace gets the Atom 1.0
     * namespace; an {@code <rss>} with a missing or unknown version is read as 2.0. Null when neither applies.
     */
    private static final Pattern DEFAULT_NAMESPACE = Pattern.compile("\\sxmlns\\s*=\\s*([\"'])([^\"']*)\\1");
    private static final Set<String> KNOWN_ATOM = Set.of("http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#");

    static String fixRoot(String xml, int rootOffset, String rootName) {
        Matcher m = ROOT_TAG.matcher(xml);
        if (rootOffset < 0 || !m.find(rootOffset) || m.start() != rootOffset) {
            return null;
        }
        String attrs = m.group(2);
        String fixedAttrs;
        if (rootName.equals("feed") && !attrs.matches("(?s).*\\sxmlns\\s*=.*")) {
            fixedAttrs = " xmlns=\"http://www.w3.org/2005/Atom\"" + attrs;
        } else if (rootName.equals("feed")) {
            // a pre-standard Atom namespace (necho, echo, pie, ...): read it as Atom 0.3 or 1.0 by its version
            Matcher ns = DEFAULT_NAMESPACE.matcher(attrs);
            if (!ns.find() || KNOWN_ATOM.contains(ns.group(2))) {
                return null;
            }
            String atom = VERSION_ATTR.matcher(attrs).find() && attrs.contains("0.3")
                    ? "http://purl.org/atom/ns#" : "http://www.w3.org/2005/Atom";
            fixedAttrs = attrs.substring(0, ns.start()) + " xmlns=\"" + atom + "\"" + attrs.substring(ns.end());
        } else if (rootName.equals("rss")) {
            Matcher v = VERSION_ATTR.matcher(attrs);
            fixedAttrs = v.find() ? v.replaceFirst(" version=\"2.0\"") : " version=\"2.0\"" + attrs;
        } else {
            return null;
        }
        String fixed = xml.substring(0, m.start(2)) + fixedAttrs + xml.substring(m.end(2));
        return fixed.equals(xml) ? null : fixed;
    }

    static Set<String> undeclaredPrefixes(String xml) {
        Set<String> used = new LinkedHashSet<>();
        String outside = withoutCdataAndComments(xml);
        Matcher m = USED_ELEMENT_PREFIX.matcher(outside);
        while (m.find()) {
            used.add(m.group(1));
        }
        m = USED_ATTRIBUTE_PREFIX.matcher(outside);
        while (m.find()) {
            used.add(m.group(1));
        }
        m = DECLARED_PREFIX.matcher(outside);
        while (m.find()) {
            used.remove(m.group(1));
        }
        used.remove("xml");
        used.remove("xmlns");
        return used;
    }

    private static String declareMissingPrefixes(String xml, int rootOffset) {
        Set<String> missing = undeclaredPrefixes(xml);
        if (missing.isEmpty() || rootOffset < 0) {
            return xml;
        }
        Matcher root = ROOT_START.matcher(xml);
        if (!root.find(rootOffset) || root.start() != rootOffset) {
            return xml;
        }
        StringBuilder decl = new StringBuilder();
        for (String prefix : missing) {
            String uri = KNOWN_NAMESPACES.getOrDefault(prefix, "urn:x-undeclared-prefix:" + prefix);
            decl.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
        }
        return xml.substring(0, root.end()) + decl + xml.substring(root.end());
    }

    private static String escapeBareAmpersands(String xml) {
        StringBuilder out = new StringBuilder(xml.length() + 32);
        int i = 0;
        while (i < xml.length()) {
            int cdata = xml.indexOf("<![CDATA[", i);
            int end = cdata < 0 ? xml.length() : cdata;
            out.append(BARE_AMPERSAND.matcher(xml.substring(i, end)).replaceAll("&amp;"));
            if (cdata < 0) {
                break;
            }
            int close = xml.indexOf("]]>", cdata);
            int stop = close < 0 ? xml.length() : close + 3;
            out.append(xml, cdata, stop);
            i = stop;
        }
        return out.toString();
    }

    private static String withoutCdataAndComments(String xml) {
        if (xml.indexOf("<![CDATA[") < 0 && xml.indexOf("<!--") < 0) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length());
        int i = 0;
        while (i < xml.length()) {
            int cdata = xml.indexOf("<![CDATA[", i);
            int comment = xml.indexOf("<!--", i);
            int start = cdata < 0 ? comment : comment < 0 ? cdata : Math.min(cdata, comment);
            if (start < 0) {
                out.append(xml, i, xml.length());
                break;
            }
            out.append(xml, i, start).append(' ');
            int close = xml.indexOf(start == cdata ? "]]>" : "-->", start + 4);
            i = close < 0 ? xml.length() : close + 3;
        }
        return out.toString();
    }
}
