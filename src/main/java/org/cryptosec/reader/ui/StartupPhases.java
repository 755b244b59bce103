package org.cryptosec.reader.ui;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Milliseconds from the JVM's start at which each step of opening the window happened (main entered,
 * library opened, toolkit up, window built, shown, first page queried, list painted), for
 * {@code gui --startup-report} and the log. The first mark of a name wins; thread-safe.
 */
public final class StartupPhases {

    private static final Map<String, Long> MARKS = new LinkedHashMap<>();

    private StartupPhases() {
    }

    /** Milliseconds since the JVM started. */
    public static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    /** Records this phase now (once: later marks of the same name are ignored). */
    public static void mark(String phase) {
        long at = sinceJvmStart();
        synchronized (MARKS) {
            MARKS.putIfAbsent(phase, at);
        }
    }

    /** The phases in the order they were first marked, as "name at-ms". */
    public static List<String> marks() {
        synchronized (MARKS) {
            List<String> out = new ArrayList<>(MARKS.size());
            MARKS.forEach((name, at) -> out.add(name + " " + at));
            return out;
        }
    }

    /** Forgets every mark (tests). */
    public static void clear() {
        synchronized (MARKS) {
            MARKS.clear();
        }
    }
}
