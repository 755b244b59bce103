import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Two builds of the extractor compared on the benchmark pages, each jar in its own class loader in one JVM (fat
 * jars: target/cryptosec-reader.jar). Run with Java's source launcher, nothing to build:
 *
 *   java scripts/dev/ExtractCompare.java same BASE.jar NEW.jar DATA_DIR
 *     each page's whole extraction (title, authors with bios, dates, language, body HTML and text, images...)
 *     hashed under each jar; prints IDENTICAL, or the pages that differ (exit 1). A change meant only to be faster
 *     must print IDENTICAL.
 *
 *   java scripts/dev/ExtractCompare.java time BASE.jar NEW.jar DATA_DIR [ROUNDS]
 *     extraction time of both, in CPU time of this thread: the pages extracted by each in turns of 20, the order
 *     flipped each turn and each round, after 8 rounds of warm-up; prints each round and "TOTAL new/base R" (below 1:
 *     the new jar is faster). A change of 1-2% is lost in the noise of separate `bench extract` runs (about 2%
 *     between runs on a shared machine); here it shows, run as pairs with the jars swapped (extract-ab.sh).
 */
public class ExtractCompare {
    public static void main(String[] args) throws Exception {
        if (args.length < 4 || !(args[0].equals("same") || args[0].equals("time"))) {
            System.err.println("usage: java ExtractCompare.java same|time BASE.jar NEW.jar DATA_DIR [ROUNDS]");
            System.exit(2);
        }
        if (args[0].equals("same")) {
            same(args[1], args[2], Path.of(args[3]));
        } else {
            time(args[1], args[2], Path.of(args[3]), args.length > 4 ? Integer.parseInt(args[4]) : 10);
        }
    }

    static void same(String baseJar, String newJar, Path dataDir) throws Exception {
        String[] base = hashes(baseJar, dataDir);
        String[] next = hashes(newJar, dataDir);
        List<String[]> pages = pages(loader(baseJar), dataDir);
        int differ = 0;
        for (int i = 0; i < base.length; i++) {
            if (!base[i].equals(next[i])) {
                differ++;
                System.out.println("DIFFERENT " + pages.get(i)[2]);
            }
        }
        System.out.println(differ == 0 ? "IDENTICAL " + base.length + " pages" : differ + " of " + base.length + " pages differ");
        System.exit(differ == 0 ? 0 : 1);
    }

    static void time(String baseJar, String newJar, Path dataDir, int rounds) throws Exception {
        ClassLoader[] loaders = {loader(baseJar), loader(newJar)};
        List<String[]> pages = pages(loaders[0], dataDir);
        Object[] extractors = new Object[2];
        Method[] extract = new Method[2];
        for (int k = 0; k < 2; k++) {
            Class<?> c = loaders[k].loadClass("org.cryptosec.reader.extract.ArticleExtractor");
            Constructor<?> ctor = c.getDeclaredConstructor();
            extractors[k] = ctor.newInstance();
            extract[k] = c.getMethod("extract", String.class, String.class);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] total = new long[2];
        long sink = 0;
        for (int round = -8; round < rounds; round++) { // eight rounds of warm-up
            long[] time = new long[2];
            for (int i = 0; i < pages.size(); i += 20) {
                for (int o = 0; o < 2; o++) {
                    int k = ((i / 20 + round) & 1) == 0 ? o : 1 - o;
                    long t0 = threads.getCurrentThreadCpuTime();
                    for (int j = i; j < Math.min(i + 20, pages.size()); j++) {
                        try {
                            sink += extract[k].invoke(extractors[k], pages.get(j)[0], pages.get(j)[1]).hashCode() & 1;
                        } catch (InvocationTargetException e) {
                            sink--; // a page the extractor refuses, for both jars alike
                        }
                    }
                    time[k] += threads.getCurrentThreadCpuTime() - t0;
                }
            }
            if (round >= 0) {
                total[0] += time[0];
                total[1] += time[1];
                System.out.printf("round %d: base %.1f ms, new %.1f ms, new/base %.4f%n", round, time[0] / 1e6,
                        time[1] / 1e6, time[1] / (double) time[0]);
            }
        }
        System.out.printf("TOTAL new/base %.4f (%d)%n", total[1] / (double) total[0], sink);
    }

    private static String[] hashes(String jar, Path dataDir) throws Exception {
        ClassLoader loader = loader(jar);
        List<String[]> pages = pages(loader, dataDir);
        Class<?> c = loader.loadClass("org.cryptosec.reader.extract.ArticleExtractor");
        Object extractor = c.getDeclaredConstructor().newInstance();
        Method detailed = c.getMethod("extractDetailed", String.class, String.class);
        String[] out = new String[pages.size()];
        for (int i = 0; i < out.length; i++) {
            String result;
            try {
                result = String.valueOf(detailed.invoke(extractor, pages.get(i)[0], pages.get(i)[1]));
            } catch (java.lang.reflect.InvocationTargetException e) {
                result = "refused: " + e.getCause();
            }
            out[i] = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(result.getBytes(StandardCharsets.UTF_8)));
        }
        return out;
    }

    static ClassLoader loader(String jar) throws Exception {
        return new URLClassLoader(new URL[] {Path.of(jar).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    }

    /** The benchmark pages, decoded as the extractor's own benchmark decodes them: {html, url}. */
    static List<String[]> pages(ClassLoader loader, Path dataDir) throws Exception {
        Class<?> corpus = loader.loadClass("org.cryptosec.reader.extract.corpus.BenchmarkCorpus");
        Method decode = loader.loadClass("org.cryptosec.reader.extract.PageDecoder")
                .getMethod("decode", byte[].class, String.class);
        List<String[]> pages = new ArrayList<>();
        for (Object p : (List<?>) corpus.getMethod("load", Path.class).invoke(null, dataDir)) {
            byte[] bytes = (byte[]) p.getClass().getMethod("readBytes").invoke(p);
            String url = (String) p.getClass().getMethod("url").invoke(p);
            String name = p.getClass().getMethod("dataset").invoke(p) + "/" + p.getClass().getMethod("name").invoke(p);
            pages.add(new String[] {(String) decode.invoke(null, bytes, null), url, name});
        }
        return pages;
    }
}
