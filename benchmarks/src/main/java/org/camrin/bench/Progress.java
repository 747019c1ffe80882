package org.camrin.bench;

import java.io.PrintStream;

/**
 * A percentage line on standard error for a long phase: at every 5 percentage points but at most
 * once a second, at least every 10 seconds, and at the end, so a log of the run stays short.
 */
final class Progress {

    private static final long MIN_GAP_NANOS = 1_000_000_000L;
    private static final long MAX_GAP_NANOS = 10_000_000_000L;

    private final String phase;
    private final long total;
    private final PrintStream out;
    private long started = System.nanoTime();
    private long lastPrinted = started;
    private int lastPercent = -5;

    Progress(String phase, long total) {
        this(phase, total, System.err);
    }

    Progress(String phase, long total, PrintStream out) {
        this.phase = phase;
        this.total = Math.max(1, total);
        this.out = out;
    }

    void update(long done) {
        int percent = (int) Math.min(100, done * 100 / total);
        long now = System.nanoTime();
        boolean finished = percent == 100 && lastPercent < 100;
        boolean stepped = percent >= lastPercent + 5 && now - lastPrinted >= MIN_GAP_NANOS;
        if (finished || stepped || now - lastPrinted >= MAX_GAP_NANOS) {
            out.printf("%s: %d%% (%,d of %,d, %.1f s)%n", phase, percent, Math.min(done, total), total,
                    (now - started) / 1e9);
            lastPercent = percent;
            lastPrinted = now;
        }
    }
}
