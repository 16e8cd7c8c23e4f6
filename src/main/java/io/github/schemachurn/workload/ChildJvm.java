package io.github.schemachurn.workload;

import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

/**
 * The java executable, class path and JVM options a churner process is started with: by default
 * the running JVM's own executable and class path (a JMH fork runs with the benchmark jar on its
 * class path, so the child finds the same classes).
 */
public record ChildJvm(String java, String classPath, List<String> options) {
    /** System property that overrides the java executable, e.g. {@code -Dschemachurn.java=/opt/jdk/bin/java}. */
    public static final String JAVA_PROPERTY = "schemachurn.java";

    /**
     * Options for a lean child: it churns with the C1 compiler, and leaves no perf-data file, so a
     * killed child leaves nothing in /tmp/hsperfdata_*. JVM warnings go to standard error:
     * standard output is the protocol ({@link ChurnerProcess}).
     */
    static final List<String> OPTIONS = List.of(
            "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms16m", "-Xmx64m", "-Xss512k",
            "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=warning:stderr");

    public ChildJvm {
        options = List.copyOf(options);
    }

    /** A child with the lean options only. */
    public ChildJvm(String java, String classPath) {
        this(java, classPath, OPTIONS);
    }

    public static ChildJvm current() {
        String java = System.getProperty(JAVA_PROPERTY);
        if (java == null) {
            java = ProcessHandle.current().info().command()
                    .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        }
        return new ChildJvm(java, System.getProperty("java.class.path"));
    }

    /** The current JVM's, starting in about half the time ({@link ChildJvmCache}): for benchmarks, which start many. */
    public static ChildJvm fastStarting() {
        return ChildJvmCache.fastStart(current());
    }

    ChildJvm withOptions(List<String> more) {
        return new ChildJvm(java, classPath, Stream.concat(options.stream(), more.stream()).toList());
    }
}
