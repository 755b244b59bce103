package org.cryptosec.reader.feed;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Small HTML text helpers for the feed package (Jsoup belongs to extract): entities, tags, escaping. */
final class Html {

    private static final String[] LATIN1 = ("nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy "
            + "reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest "
            + "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml "
            + "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig "
            + "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml "
            + "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml")
            .split(" ");

    private static final String OTHERS = "quot 34 amp 38 apos 39 lt 60 gt 62 OElig 338 oelig 339 Scaron 352 "
            + "scaron 353 Yuml 376 fnof 402 circ 710 tilde 732 ensp 8194 emsp 8195 thinsp 8201 zwnj 8204 zwj 8205 "
            + "lrm 8206 rlm 8207 ndash 8211 mdash 8212 lsquo 8216 rsquo 8217 sbquo 8218 ldquo 8220 rdquo 8221 "
            + "bdquo 8222 dagger 8224 Dagger 8225 bull 8226 hellip 8230 permil 8240 prime 8242 Prime 8243 "
            + "lsaquo 8249 rsaquo 8250 oline 8254 frasl 8260 euro 8364 image 8465 weierp 8472 real 8476 "
            + "trade 8482 alefsym 8501 larr 8592 uarr 8593 rarr 8594 darr 8595 harr 8596 crarr 8629 lArr 8656 "
            + "uArr 8657 rArr 8658 dArr 8659 hArr 8660 forall 8704 part 8706 exist 8707 empty 8709 nabla 8711 "
            + "isin 8712 notin 8713 ni 8715 prod 8719 sum 8721 minus 8722 lowast 8727 radic 8730 prop 8733 "
            + "infin 8734 ang 8736 and 8743 or 8744 cap 8745 cup 8746 int 8747 there4 8756 sim 8764 cong 8773 "
            + "asymp 8776 ne 8800 equiv 8801 le 8804 ge 8805 sub 8834 sup 8835 nsub 8836 sube 8838 supe 8839 "
            + "oplus 8853 otimes 8855 perp 8869 sdot 8901 lceil 8968 rceil 8969 lfloor 8970 rfloor 8971 "
            + "lang 9001 rang 9002 loz 9674 spades 9824 clubs 9827 hearts 9829 diams 9830 "
            + "Alpha 913 Beta 914 Gamma 915 Delta 916 Epsilon 917 Zeta 918 Eta 919 Theta 920 Iota 921 Kappa 922 "
            + "Lambda 923 Mu 924 Nu 925 Xi 926 Omicron 927 Pi 928 Rho 929 Sigma 931 Tau 932 Upsilon 933 Phi 934 "
            + "Chi 935 Psi 936 Omega 937 alpha 945 beta 946 gamma 947 delta 948 epsilon 949 zeta 950 eta 951 "
            + "theta 952 iota 953 kappa 954 lambda 955 mu 956 nu 957 xi 958 omicron 959 pi 960 rho 961 "
            + "sigmaf 962 sigma 963 tau 964 upsilon 965 phi 966 chi 967 psi 968 omega 969 thetasym 977 "
            + "upsih 978 piv 982";

    static final Map<String, Integer> ENTITIES = new HashMap<>();

    static {
        for (int i = 0; i < LATIN1.length; i++) {
            ENTITIES.put(LATIN1[i], 160 + i);
        }
        String[] parts = OTHERS.split(" ");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            ENTITIES.put(parts[i], Integer.parseInt(parts[i + 1]));
        }
    }

    private static final Pattern COMMENT = Pattern.compile("<!--.*?(-->|$)", Pattern.DOTALL);
    private static final Pattern SCRIPT_STYLE = Pattern.compile(
            "<(script|style)\\b[^>]*>.*?(</\\1\\s*>|$)", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>|<![a-zA-Z\\[][^<>]*>");
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "<(br|/p|/div|/li|/h[1-6]|/tr|p|div|li)\\b[^<>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00a0]+");

    private Html() {
    }

    /** Decodes named (HTML 4 set), decimal and hex character references; unknown ones stay as they are. */
    static String decodeEntities(String s) {
        if (s == null || s.indexOf('&') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c != '&') {
                out.append(c);
                i++;
                continue;
            }
            int semi = s.indexOf(';', i + 1);
            if (semi < 0 || semi - i > 12) {
                out.append(c);
                i++;
                continue;
            }
            String name = s.substring(i + 1, semi);
            int code = -1;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                code = parseCode(name.substring(2), 16);
            } else if (name.startsWith("#")) {
                code = parseCode(name.substring(1), 10);
            } else {
                Integer known = ENTITIES.get(name);
                if (known == null) {
                    known = ENTITIES.get(name.toLowerCase(Locale.ROOT));
                }
                code = known == null ? -1 : known;
            }
            if (code < 0) {
                out.append(c);
                i++;
                continue;
            }
            out.appendCodePoint(code);
            i = semi + 1;
        }
        return out.toString();
    }

    private static int parseCode(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 7) {
            return -1;
        }
        try {
            int code = Integer.parseInt(digits, radix);
            if (code <= 0 || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
                return 0xFFFD;
            }
            // browsers read &#150; etc. as windows-1252
            if (code >= 0x80 && code <= 0x9F) {
                byte[] b = {(byte) code};
                String mapped = new String(b, java.nio.charset.Charset.forName("windows-1252"));
                return mapped.codePointAt(0);
            }
            return code;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Plain text of an HTML fragment: no comments, scripts or tags, entities decoded, white space collapsed. */
    static String toText(String html) {
        if (html == null) {
            return null;
        }
        String s = html;
        if (s.indexOf('<') >= 0) {
            s = COMMENT.matcher(s).replaceAll(" ");
            s = SCRIPT_STYLE.matcher(s).replaceAll(" ");
            s = BLOCK_TAG.matcher(s).replaceAll(" ");
            s = TAG.matcher(s).replaceAll("");
        }
        s = decodeEntities(s);
        s = WHITESPACE.matcher(s).replaceAll(" ").strip();
        return s;
    }

    /** Escapes text for HTML content or a double-quoted attribute. */
    static String escape(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Plain text as an HTML fragment: escaped, paragraphs on blank lines, line breaks kept. */
    static String textToHtml(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String para : trimmed.split("\\r?\\n\\s*\\r?\\n")) {
            out.append("<p>").append(escape(para.strip()).replaceAll("\\r?\\n", "<br>")).append("</p>");
        }
        return out.toString();
    }
}
