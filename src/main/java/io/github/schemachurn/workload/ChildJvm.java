package io.github.schemachurn.workload;

import java.nio.file.Paths;
import java.util.List;

/**
 * The java executable and class path a churner process is started with: by default the running
 * JVM's own (a JMH fork runs with the benchmark jar on its class path, so the child finds the
 * same classes).
 */
public record ChildJvm(String java, String classPath) {
    /** System property that overrides the java executable, e.g. {@code -Dschemachurn.java=/opt/jdk/bin/java}. */
    public static final String JAVA_PROPERTY = "schemachurn.java";

    /**
     * Options for a lean child: it starts in about 0.5 s and churns with the C1 compiler. No
     * perf-data file, so a killed child leaves nothing in /tmp/hsperfdata_*.
     */
    static final List<String> OPTIONS = List.of(
            "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-Xss512k",
            "-XX:-UsePerfData");

    public static ChildJvm current() {
        String java = System.getProperty(JAVA_PROPERTY);
        if (java == null) {
            java = ProcessHandle.current().info().command()
                    .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        }
        return new ChildJvm(java, System.getProperty("java.class.path"));
    }
}
