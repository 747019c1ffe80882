package org.camrin.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Elapsed time of each phase of a run, printed to standard error as each phase ends. */
final class Phases {

    record Phase(String name, double seconds) {
    }

    private final List<Phase> phases = new ArrayList<>();
    private final PrintStream out;

    Phases(PrintStream out) {
        this.out = out;
    }

    void record(String name, long startedNanos, long doneNanos) {
        Phase phase = new Phase(name, (doneNanos - startedNanos) / 1e9);
        phases.add(phase);
        out.printf("phase done: %s in %.1f s%n", name, phase.seconds());
    }

    List<Phase> all() {
        return List.copyOf(phases);
    }
}
