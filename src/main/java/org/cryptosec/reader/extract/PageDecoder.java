package org.cryptosec.reader.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Decodes page bytes: BOM, then HTTP charset, then meta charset, else UTF-8 (windows-1252 for latin-1). */
public final class PageDecoder {

    /** How far into the page a {@code <meta charset>} is looked for (as HTML5 prescans 1024 bytes, with slack). */
    static final int META_SCAN_BYTES = 2048;

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta\\s[^>]{0,512}?charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_:.\\-]{1,40})", Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    public static String decode(byte[] body, String contentType) {
        if (body == null || body.length == 0) {
            return "";
        }
        // 1. byte order mark
        if (startsWith(body, 0xEF, 0xBB, 0xBF)) {
            return new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        }
        if (startsWith(body, 0xFE, 0xFF)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16BE);
        }
        if (startsWith(body, 0xFF, 0xFE)) {
            return new String(body, 2, body.length - 2, StandardCharsets.UTF_16LE);
        }
        // 2. the HTTP header is authoritative
        Charset http = charsetFromContentType(contentType);
        if (http != null) {
            return new String(body, http);
        }
        // 3. <meta charset> / http-equiv in the first bytes
        Charset meta = metaCharset(body);
        if (meta != null) {
            if (meta.equals(StandardCharsets.UTF_8) && !isValidUtf8(body)) {
                // a common misconfiguration: a latin-1 page that claims UTF-8
                return new String(body, WINDOWS_1252);
            }
            return new String(body, meta);
        }
        // 4. sniff
        return isValidUtf8(body) ? new String(body, StandardCharsets.UTF_8) : new String(body, WINDOWS_1252);
    }

    /** The charset parameter of a Content-Type header, or null when absent or unknown. */
    public static Charset charsetFromContentType(String contentType) {
        if (contentType == null) {
            return null;
        }
        String lower = contentType.toLowerCase(Locale.ROOT);
        int i = lower.indexOf("charset");
        while (i >= 0) {
            int j = i + "charset".length();
            while (j < lower.length() && lower.charAt(j) == ' ') {
                j++;
            }
            if (j < lower.length() && lower.charAt(j) == '=') {
                j++;
                while (j < lower.length() && (lower.charAt(j) == ' ' || lower.charAt(j) == '"' || lower.charAt(j) == '\'')) {
                    j++;
                }
                int end = j;
                while (end < lower.length() && ";\"' ,".indexOf(lower.charAt(end)) < 0) {
                    end++;
                }
                return charsetFor(lower.substring(j, end), false);
            }
            i = lower.indexOf("charset", i + 1);
        }
        return null;
    }

    static Charset metaCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        while (m.find()) {
            Charset cs = charsetFor(m.group(1), true);
            if (cs != null) {
                return cs;
            }
        }
        return null;
    }

    /** Maps a label to a charset the WHATWG way: latin-1 and ASCII mean windows-1252; in a meta tag UTF-16 means UTF-8. */
    static Charset charsetFor(String label, boolean fromMeta) {
        if (label == null || label.isBlank()) {
            return null;
        }
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "iso_8859-1", "cp1252", "windows-1252",
                    "x-cp1252", "iso-ir-100", "ansi_x3.4-1968" -> {
                return WINDOWS_1252;
            }
            case "utf8", "utf-8", "unicode-1-1-utf-8" -> {
                return StandardCharsets.UTF_8;
            }
            default -> {
                // fall through
            }
        }
        if (fromMeta && l.startsWith("utf-16")) {
            return StandardCharsets.UTF_8; // the bytes we are reading are ASCII-compatible, so it cannot be UTF-16
        }
        try {
            return Charset.forName(l);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }

    static boolean isValidUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
