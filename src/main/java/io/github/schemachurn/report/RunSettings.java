package io.github.schemachurn.report;

import java.util.List;

/** How JMH ran one benchmark row, as its results file says. */
public record RunSettings(String jmhVersion, String jvm, List<String> jvmArgs, String jdkVersion, String vmName,
                          String vmVersion, int threads, int forks, int warmupIterations, String warmupTime,
                          int measurementIterations, String measurementTime) {
    public RunSettings {
        jvmArgs = List.copyOf(jvmArgs);
        if (forks < 1 || measurementIterations < 1) {
            throw new IllegalArgumentException("forks " + forks + " and measurement iterations "
                    + measurementIterations + " must both be at least 1");
        }
    }

    /** E.g. "3 forks x (1 x 1 s warmup + 5 x 1 s measurement)". */
    public String describe() {
        return forks + (forks == 1 ? " fork" : " forks") + " x (" + warmupIterations + " x " + warmupTime
                + " warmup + " + measurementIterations + " x " + measurementTime + " measurement)";
    }
}
