package io.github.schemachurn.report;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The questions the report answers, each from its own results files: {@code <key>.json} or
 * {@code <key>-<anything>.json} (one file per JMH invocation), from one benchmark class. The
 * journal-mode comparison is read from the {@link #DDL} files, which vary both.
 */
public enum Question {
    CEILING("ceiling", "CeilingBenchmark", false),
    DDL("ddl", "ChurnBenchmark", true),
    READER("reader", "ChurnBenchmark", true),
    RETRY("retry", "ChurnBenchmark", true),
    WRITES("writes", "WriteChurnBenchmark", true),
    LATENCY("latency", "ChurnLatencyBenchmark", true);

    private final String key;
    private final String benchmarkClass;
    private final boolean churn;

    Question(String key, String benchmarkClass, boolean churn) {
        this.key = key;
        this.benchmarkClass = benchmarkClass;
        this.churn = churn;
    }

    public String key() {
        return key;
    }

    /** Simple name of the benchmark class whose results answer this question. */
    public String benchmarkClass() {
        return benchmarkClass;
    }

    /** Whether another connection changes the schema while this question's benchmark runs. */
    public boolean churn() {
        return churn;
    }

    /** The question a results file answers, from its name; a one-line error for any other name. */
    public static Question forFile(Path file) {
        String name = file.getFileName().toString();
        if (name.endsWith(".json")) {
            String stem = name.substring(0, name.length() - ".json".length());
            String key = stem.contains("-") ? stem.substring(0, stem.indexOf('-')) : stem;
            for (Question question : values()) {
                if (question.key.equals(key.toLowerCase(Locale.ROOT))) {
                    return question;
                }
            }
        }
        String keys = Arrays.stream(values()).map(Question::key).collect(Collectors.joining(", "));
        throw new ReportException(file + ": the file name does not say which question it answers; expected "
                + "<question>.json or <question>-<name>.json with question one of " + keys);
    }
}
