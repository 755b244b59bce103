package org.cryptosec.reader.extract;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageDecoderTest {

    private static final String TEXT = "Café “crypto” € — Noord-Korea";

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void utf8BomWinsOverEverything() {
        byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ("<p>" + TEXT).getBytes(StandardCharsets.UTF_8));
        assertEquals("<p>" + TEXT, PageDecoder.decode(body, "text/html; charset=iso-8859-1"));
    }

    @Test
    void utf16BomsAreHonoured() {
        byte[] be = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE));
        byte[] le = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE));
        assertEquals(TEXT, PageDecoder.decode(be, null));
        assertEquals(TEXT, PageDecoder.decode(le, null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        text/html; charset=UTF-8                 | UTF-8
        text/html;charset="utf-8"                | UTF-8
        text/html; charset=windows-1252          | windows-1252
        text/html; charset=ISO-8859-1            | windows-1252
        text/html; Charset = 'koi8-r'            | KOI8-R
        """)
    void httpCharsetIsAuthoritative(String contentType, String charset) {
        Charset cs = Charset.forName(charset);
        String text = charset.equals("KOI8-R") ? "Привет, биржа" : TEXT;
        assertEquals(text, PageDecoder.decode(text.getBytes(cs), contentType));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        <meta charset="windows-1252">                                                  | windows-1252
        <meta charset=iso-8859-1>                                                      | windows-1252
        <meta http-equiv="Content-Type" content="text/html; charset=windows-1252">     | windows-1252
        <META HTTP-EQUIV='content-type' CONTENT='text/html;charset=utf-8'>             | UTF-8
        """)
    void metaCharsetInTheFirstBytesIsUsedWithoutHttpCharset(String meta, String charset) {
        String page = "<html><head>" + meta + "</head><body>" + TEXT + "</body></html>";
        assertEquals(page, PageDecoder.decode(page.getBytes(Charset.forName(charset)), "text/html"));
    }

    @Test
    void metaCharsetBeyondTheScanWindowIsIgnored() {
        String page = "<html><head><!--" + "x".repeat(3000) + "--><meta charset=windows-1252></head><body>" + TEXT;
        assertEquals(page, PageDecoder.decode(page.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void undeclaredValidUtf8IsUtf8() {
        assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void undeclaredInvalidUtf8IsWindows1252() {
        assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(PageDecoder.WINDOWS_1252), "text/html"));
    }

    @Test
    void latin1PageThatClaimsUtf8InMetaFallsBackToWindows1252() {
        String page = "<meta charset=utf-8><p>" + TEXT;
        assertEquals(page, PageDecoder.decode(page.getBytes(PageDecoder.WINDOWS_1252), null));
    }

    @Test
    void unknownCharsetNamesAreIgnored() {
        assertEquals(TEXT, PageDecoder.decode(TEXT.getBytes(StandardCharsets.UTF_8), "text/html; charset=x-no-such-thing"));
        String page = "<meta charset=\"bogus-42\"><p>" + TEXT;
        assertEquals(page, PageDecoder.decode(page.getBytes(StandardCharsets.UTF_8), null));
    }

    @Test
    void emptyAndNullBodiesDecodeToEmpty() {
        assertEquals("", PageDecoder.decode(new byte[0], "text/html"));
        assertEquals("", PageDecoder.decode(null, null));
    }
}
