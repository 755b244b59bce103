package org.cryptosec.reader.feed;

import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cryptosec.reader.net.FetchResult;

/**
 * Bytes to text for feeds. First Rome's XmlReader with the HTTP Content-Type (BOM, prolog and RFC 3023 rules),
 * then, when that fails or produces U+FFFD, our own detection: BOM, valid UTF-8, the declared encoding (with
 * ISO-8859-1 and US-ASCII read as windows-1252, as browsers do), else windows-1252.
 */
final class FeedText {

    private static final Pattern PROLOG_ENCODING = Pattern.compile(
            "^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private FeedText() {
    }

    static String decodeXml(byte[] body, String contentType) {
        String viaRome = null;
        try (Reader reader = contentType != null
                ? new XmlReader(new ByteArrayInputStream(body), contentType, false)
                : new XmlReader(new ByteArrayInputStream(body), false)) {
            String encoding = ((XmlReader) reader).getEncoding();
            if (encoding != null && !encoding.toUpperCase(Locale.ROOT).startsWith("UTF") && hasNonAscii(body)
                    && isValidUtf8(body)) {
                // a single-byte label on bytes that are valid multi-byte UTF-8: the label is wrong (real text in
                // windows-1252, KOI8-R, ISO-8859-x practically never forms valid UTF-8 sequences)
                return decodeWith(body, StandardCharsets.UTF_8);
            }
            if (encoding != null && (encoding.equalsIgnoreCase("US-ASCII") || encoding.equalsIgnoreCase("ASCII"))) {
                // RFC 3023 makes text/xml without charset US-ASCII, whatever the prolog says; real servers send
                // text/xml for feeds of every encoding, so the document's own signals decide
                return decodeOwn(body, FetchResult.charsetOf(contentType));
            }
            if (isLatin1OrAscii(encoding)) {
                // text/xml without charset means US-ASCII (RFC 3023) and ISO-8859-1 labels are windows-1252 in
                // practice ("smart quotes", euro sign); bytes that are valid UTF-8 are UTF-8 whatever the label says
                return decodeWith(body, isValidUtf8(body) ? StandardCharsets.UTF_8 : WINDOWS_1252);
            }
            viaRome = readAll(reader);
        } catch (IOException | RuntimeException e) {
            viaRome = null; // XmlReaderException for BOM/prolog/HTTP mismatches, unsupported encodings...
        }
        if (viaRome != null && viaRome.indexOf('\uFFFD') < 0) {
            return viaRome;
        }
        return decodeOwn(body, FetchResult.charsetOf(contentType));
    }

    /** Our own detection (also used for JSON and HTML). */
    static String decodeOwn(byte[] body, Charset httpCharset) {
        Charset bom = bomCharset(body);
        if (bom != null) {
            return decodeWith(body, bom);
        }
        if (isValidUtf8(body)) {
            return decodeWith(body, StandardCharsets.UTF_8);
        }
        Charset declared = prologCharset(body);
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return decodeWith(body, isLatin1OrAscii(declared.name()) ? WINDOWS_1252 : declared);
        }
        if (httpCharset != null && !httpCharset.equals(StandardCharsets.UTF_8)) {
            return decodeWith(body, isLatin1OrAscii(httpCharset.name()) ? WINDOWS_1252 : httpCharset);
        }
        return decodeWith(body, WINDOWS_1252);
    }

    private static boolean isLatin1OrAscii(String name) {
        if (name == null) {
            return false;
        }
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("iso-8859-1") || n.equals("iso8859-1") || n.equals("iso8859_1") || n.equals("latin1")
                || n.equals("us-ascii") || n.equals("ascii");
    }

    private static Charset bomCharset(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] == '<' && b[2] == 0 && b[3] == '?') {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 4 && b[0] == '<' && b[1] == 0 && b[2] == '?' && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Charset prologCharset(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1).strip();
        Matcher m = PROLOG_ENCODING.matcher(head);
        if (!m.find()) {
            return null;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean hasNonAscii(byte[] body) {
        for (byte b : body) {
            if (b < 0) {
                return true;
            }
        }
        return false;
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

    private static String decodeWith(byte[] body, Charset charset) {
        String s = new String(body, charset);
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder out = new StringBuilder();
        char[] buf = new char[8192];
        int n;
        while ((n = reader.read(buf)) >= 0) {
            out.append(buf, 0, n);
        }
        return out.toString();
    }

    /** Removes characters XML 1.0 forbids (C0 controls but tab/newline/return, U+FFFE/U+FFFF, lone surrogates). */
    static String removeInvalidXmlChars(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (c < 0x20) {
                ok = c == '\t' || c == '\n' || c == '\r';
            } else if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c != '\uFFFE' && c != '\uFFFF';
            }
            if (!ok && out == null) {
                out = new StringBuilder(s.length());
                out.append(s, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
