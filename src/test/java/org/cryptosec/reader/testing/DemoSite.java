package org.cryptosec.reader.testing;

import java.util.concurrent.CountDownLatch;

/**
 * Serves the fixture site until the process is killed, for screenshots and trying the app by hand:
 * {@code java -cp target/test-classes:target/classes:<deps> org.cryptosec.reader.testing.DemoSite}
 * prints the site's URL on its first line (see scripts/screenshot.sh).
 */
public final class DemoSite {

    private DemoSite() {
    }

    public static void main(String[] args) throws Exception {
        FixtureSite site = new FixtureSite();
        Runtime.getRuntime().addShutdownHook(new Thread(site::close));
        System.out.println(site.url("/"));
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
